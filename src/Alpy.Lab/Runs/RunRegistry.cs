using System.Globalization;

namespace Alpy.Lab.Runs;

/// <summary>
/// One user's list of lab runs: one folder per run under <see cref="Root"/>, each holding a lock file that its run
/// keeps locked. A folder whose lock can be taken belongs to a dead run. The default root is per user,
/// <c>/tmp/alpy-runs-UID</c>, owned by the user and closed to others (0700): users sharing a machine never write into
/// each other's registry, and each reaps only its own dead runs. Every lab of a user must use the same root so that
/// the user's runs see each other; it is deliberately not $XDG_RUNTIME_DIR, which a login session has and a cron job
/// or CI shell of the same user does not.
/// </summary>
public sealed class RunRegistry
{
    /// <summary>The environment variable that moves the registry (default <c>/tmp/alpy-runs-UID</c>).</summary>
    public const string RootVariable = "ALPY_RUNS";

    private const string LockFileName = "lock";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>A folder without a lock file younger than this is a run being born, not a dead one.</summary>
    private static readonly TimeSpan BirthGrace = TimeSpan.FromSeconds(30);

    /// <summary>Creates a registry at <paramref name="root"/> (default: $ALPY_RUNS or <see cref="DefaultRoot"/>).</summary>
    public RunRegistry(string? root = null)
    {
        Root = Path.GetFullPath(root ?? Environment.GetEnvironmentVariable(RootVariable) ?? DefaultRoot);
    }

    /// <summary>
    /// This user's default registry, <c>/tmp/alpy-runs-UID</c>: always /tmp, never $TMPDIR, which the run scripts point
    /// at a folder of each run's own (the next run must find a killed run's folder).
    /// </summary>
    public static string DefaultRoot => "/tmp/alpy-runs-" + Native.GetEffectiveUserId().ToString(CultureInfo.InvariantCulture);

    /// <summary>The registry's folder.</summary>
    public string Root { get; }

    /// <summary>Registers a new run: creates its folder and takes its lock.</summary>
    /// <exception cref="IOException">The registry folder cannot be written; the message names it.</exception>
    public RunLease Register()
    {
        EnsureRoot();

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
    /// Creates the registry folder for this user alone (0700), or makes sure an existing one is a real folder that this
    /// user owns: in a shared /tmp another user could have made the name first, or put a symbolic link there.
    /// </summary>
    private void EnsureRoot()
    {
        string Refuse(string why) =>
            $"The lab run registry '{Root}' {why}. Remove it (it holds only lock files and sockets of lab runs), or point ${RootVariable} to a folder of yours.";
        DirectoryInfo folder;
        try
        {
            folder = Directory.CreateDirectory(Root, OwnerOnly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(Refuse($"cannot be created: {e.Message}"), e);
        }
        if (folder.LinkTarget is not null)
            throw new IOException(Refuse($"is a symbolic link to '{folder.LinkTarget}', not a folder"));
        if (!Native.TryOwn(Root, out var errno))
            throw new IOException(Refuse($"belongs to another user (lchown refused with errno {errno})"));
        if (folder.UnixFileMode != OwnerOnly)
            File.SetUnixFileMode(Root, OwnerOnly);
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
