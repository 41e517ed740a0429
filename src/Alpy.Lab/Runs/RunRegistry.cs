namespace Alpy.Lab.Runs;

/// <summary>
/// The machine-wide list of lab runs: one folder per run under <see cref="Root"/>, each holding a
/// lock file that its run keeps locked. A folder whose lock can be taken belongs to a dead run.
/// Every lab on the machine must use the same root so that runs see each other.
/// </summary>
public sealed class RunRegistry
{
    /// <summary>The environment variable that moves the registry (default <c>/tmp/alpy-runs</c>).</summary>
    public const string RootVariable = "ALPY_RUNS";

    private const string LockFileName = "lock";

    /// <summary>A folder without a lock file younger than this is a run being born, not a dead one.</summary>
    private static readonly TimeSpan BirthGrace = TimeSpan.FromSeconds(30);

    /// <summary>Creates a registry at <paramref name="root"/> (default: $ALPY_RUNS or /tmp/alpy-runs).</summary>
    public RunRegistry(string? root = null)
    {
        Root = Path.GetFullPath(root ?? Environment.GetEnvironmentVariable(RootVariable) ?? "/tmp/alpy-runs");
    }

    /// <summary>The registry's folder.</summary>
    public string Root { get; }

    /// <summary>Registers a new run: creates its folder and takes its lock.</summary>
    /// <exception cref="IOException">The registry folder cannot be written; the message names it.</exception>
    public RunLease Register()
    {
        try
        {
            Directory.CreateDirectory(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"Cannot create the lab run registry '{Root}': {e.Message}. Make it writable or point ${RootVariable} to a writable folder.", e);
        }

        for (var attempt = 0; ; attempt++)
        {
            var id = RunId.New();
            var directory = Path.Combine(Root, id.Value);
            if (Directory.Exists(directory))
                continue;
            Directory.CreateDirectory(directory);
            var lease = TryLock(id, directory);
            if (lease is not null)
                return lease;
            if (attempt > 3)
                throw new IOException($"Cannot lock a new run folder under '{Root}'; check its permissions.");
        }
    }

    /// <summary>
    /// Runs whose process is gone, each returned locked so that no other reaper works on it at the
    /// same time. Live runs (their lock is held) are left alone.
    /// </summary>
    public IReadOnlyList<RunLease> ClaimDeadRuns()
    {
        if (!Directory.Exists(Root))
            return [];
        var dead = new List<RunLease>();
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            if (!RunId.TryParse(Path.GetFileName(directory), out var id))
                continue;
            if (!File.Exists(Path.Combine(directory, LockFileName))
                && DateTime.UtcNow - Directory.GetCreationTimeUtc(directory) < BirthGrace)
                continue;
            var lease = TryLock(id, directory);
            if (lease is not null)
                dead.Add(lease);
        }
        return dead;
    }

    /// <summary>True while the run's process holds its lock.</summary>
    public bool IsLive(RunId id)
    {
        var directory = Path.Combine(Root, id.Value);
        if (!Directory.Exists(directory))
            return false;
        using var lease = TryLockWithoutCleanup(directory);
        return lease is null;
    }

    private static RunLease? TryLock(RunId id, string directory)
    {
        var stream = TryLockWithoutCleanup(directory);
        return stream is null ? null : new RunLease(id, directory, stream);
    }

    // .NET takes an exclusive flock(2) for FileShare.None on Unix and opens with O_CLOEXEC, so a
    // child such as QEMU does not inherit the lock and keep a dead run looking alive.
    private static FileStream? TryLockWithoutCleanup(string directory)
    {
        try
        {
            return new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
