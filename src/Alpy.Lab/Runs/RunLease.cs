namespace Alpy.Lab.Runs;

/// <summary>
/// A run's claim on its registry folder: an exclusive lock on <c>lock</c> held for the run's whole
/// life. The kernel drops the lock when the process dies however it dies (SIGKILL included), which
/// is how the next run tells a dead run from a live one.
/// </summary>
public sealed class RunLease : IDisposable
{
    private readonly FileStream _lock;
    private bool _disposed;

    internal RunLease(RunId id, string directory, FileStream lockFile)
    {
        Id = id;
        Directory = directory;
        _lock = lockFile;
    }

    /// <summary>The run this lease belongs to.</summary>
    public RunId Id { get; }

    /// <summary>The run's registry folder (lock, QEMU pidfile, sockets, helper inputs): temporary by nature.</summary>
    public string Directory { get; }

    /// <summary>A path inside the registry folder.</summary>
    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Deletes the registry folder, then releases the lock: the run leaves no temp files.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: nothing to clean.
        }
        finally
        {
            _lock.Dispose();
        }
    }
}
