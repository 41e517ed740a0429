using Alpy.Qemu;

namespace Alpy.Lab.Dut;

/// <summary>
/// Saved DUT states, one file per key (<c>KEY.state</c>) in the cache beside the DUT images
/// (<c>~/.cache/alpy-specs/snapshots</c>), never in /tmp: a state is reused across runs and reboots of the host.
/// Files appear atomically (a temp name, then rename) under an exclusive lock, so a reader never sees half a
/// file and two labs saving at once do not both write.
/// </summary>
internal sealed class SnapshotStore(string? directory = null)
{
    private const string TempMarker = ".state.tmp-";

    /// <summary>States kept (the most recently used): one per DUT image and topology in use, each tens of MB.</summary>
    internal const int MaxStates = 8;

    /// <summary>The folder: the one given, else <c>snapshots</c> under <see cref="AlpyCache.Root"/>.</summary>
    public string Directory { get; } = Path.GetFullPath(directory ?? Path.Combine(AlpyCache.Root, "snapshots"));

    /// <summary>The state file of <paramref name="key"/>.</summary>
    public string PathOf(string key) => Path.Combine(Directory, key + ".state");

    /// <summary>The state file of <paramref name="key"/> when there is one, else null.</summary>
    public string? Find(string key)
    {
        var file = PathOf(key);
        return File.Exists(file) ? file : null;
    }

    /// <summary>Marks <paramref name="file"/> as just used, so that pruning keeps it.</summary>
    public static void Touch(string file)
    {
        try
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Replaced or pruned by another lab meanwhile: the restore itself already succeeded.
        }
    }

    /// <summary>Deletes the state of <paramref name="key"/> (a restore failed with it).</summary>
    public void Delete(string key) => File.Delete(PathOf(key));

    /// <summary>
    /// Makes the state of <paramref name="key"/> with <paramref name="write"/>, which writes the temp file it is
    /// given. Returns false without writing when another process is saving (it holds the lock); the temp file
    /// is removed whether <paramref name="write"/> succeeds or throws.
    /// </summary>
    public async Task<bool> SaveAsync(string key, Func<string, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        System.IO.Directory.CreateDirectory(Directory);
        FileStream? held;
        try
        {
            // FileShare.None is an exclusive, non-blocking flock(2) on Linux, released by the kernel when the holder dies.
            held = new FileStream(Path.Combine(Directory, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return false;
        }

        using (held)
        {
            // Under the lock nobody else writes: temp files still here are a dead process's.
            foreach (var stale in System.IO.Directory.EnumerateFiles(Directory, "*" + TempMarker + "*"))
                File.Delete(stale);
            var temp = Path.Combine(Directory, $"{key}{TempMarker}{Environment.ProcessId}");
            try
            {
                await write(temp).ConfigureAwait(false);
                File.Move(temp, PathOf(key), overwrite: true);
                Prune();
                return true;
            }
            finally
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Keeps the <see cref="MaxStates"/> most recently used states: old images and topologies must not fill the disk.</summary>
    private void Prune()
    {
        foreach (var old in new DirectoryInfo(Directory).EnumerateFiles("*.state").OrderByDescending(f => f.LastWriteTimeUtc).Skip(MaxStates))
            old.Delete();
    }
}
