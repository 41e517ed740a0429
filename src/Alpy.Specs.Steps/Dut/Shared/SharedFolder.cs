using System.Diagnostics;
using System.Globalization;
using Alpy.Lab.Dut;

namespace Alpy.Specs.Steps.Dut.Sharing;

/// <summary>
/// A host folder shared into one DUT with virtiofs, so that a team edits its appliance software on the host and
/// reruns scenarios with no image rebuild and no deployment: Debian's virtiofsd (qemu-system-common) serves the
/// folder on a socket in a private temporary folder, QEMU gets the vhost-user-fs device and shared guest memory
/// (<see cref="Apply"/>), and after boot the DUT mounts it at <see cref="MountPoint"/> (<see cref="MountCommand"/>).
/// The cache is off, so the DUT sees every edit at once. Disposing kills virtiofsd and removes the temporary
/// folder; virtiofsd also dies with this process (parent-death signal) and when QEMU disconnects.
/// </summary>
public sealed class SharedFolder : IAsyncDisposable
{
    /// <summary>Where the DUT mounts the folder.</summary>
    public const string MountPoint = "/mnt/share";

    /// <summary>The virtiofs tag the DUT mounts by.</summary>
    public const string Tag = "alpyshare";

    /// <summary>Debian's virtiofsd (package qemu-system-common).</summary>
    public const string Virtiofsd = "/usr/lib/qemu/virtiofsd";

    private readonly HostBoundProcess _process;
    private readonly string _directory;

    private SharedFolder(string folder, string directory, HostBoundProcess process)
    {
        Folder = folder;
        _directory = directory;
        _process = process;
    }

    /// <summary>The host folder.</summary>
    public string Folder { get; }

    /// <summary>virtiofsd's vhost-user socket.</summary>
    public string SocketPath => Path.Combine(_directory, "fs.sock");

    /// <summary>The console command that mounts the folder in a Linux DUT with the virtiofs module.</summary>
    public static string MountCommand => $"modprobe virtiofs && mkdir -p {MountPoint} && mount -t virtiofs {Tag} {MountPoint}";

    /// <summary>Starts virtiofsd for <paramref name="folder"/> and waits for its socket.</summary>
    /// <exception cref="DutShareException">virtiofsd is missing, or exited, or made no socket in time; the message says what it printed.</exception>
    public static async Task<SharedFolder> StartAsync(string folder, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
            throw new DutShareException($"The folder to share into the DUT, {folder}, does not exist.");
        if (!File.Exists(Virtiofsd))
            throw new DutShareException($"{Virtiofsd} is missing; install Debian's qemu-system-common (scripts/install-prerequisites does).");
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var directory = Directory.CreateTempSubdirectory("alpy-specs-share-").FullName;
        var socket = Path.Combine(directory, "fs.sock");
        HostBoundProcess process;
        try
        {
            // cache=none: the DUT sees every edit on the host at once. sandbox=chroot: works where namespaces cannot be made.
            process = await HostBoundProcess.StartAsync(Virtiofsd,
                [$"--socket-path={socket}", "-o", $"source={Path.GetFullPath(folder)}", "-o", "cache=none", "-o", "sandbox=chroot", "-o", "log_level=warn"],
                "alpy-virtiofsd").ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Directory.Delete(directory, recursive: true);
            throw new DutShareException($"Could not start virtiofsd through setpriv (util-linux): {e.Message}", e);
        }

        var shared = new SharedFolder(Path.GetFullPath(folder), directory, process);
        try
        {
            var started = Stopwatch.GetTimestamp();
            while (!File.Exists(socket))
            {
                if (process.HasExited)
                    throw new DutShareException($"virtiofsd exited with {await process.Exited.ConfigureAwait(false)} before it made its socket: {(await process.Stderr.ConfigureAwait(false)).Trim()}");
                if (Stopwatch.GetElapsedTime(started) > limit)
                    throw new DutShareException($"virtiofsd made no socket at {socket} within {limit.TotalSeconds:0} s.");
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }

            return shared;
        }
        catch
        {
            await shared.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The profile with QEMU's shared guest memory (vhost-user needs it) and the virtiofs device added.</summary>
    public DutProfile Apply(DutProfile profile, int? memoryMiB = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var memory = (memoryMiB ?? profile.MemoryMiB).ToString(CultureInfo.InvariantCulture);
        return profile with
        {
            QemuArgs =
            [
                .. profile.QemuArgs,
                "-object", $"memory-backend-memfd,id=alpymem,size={memory}M,share=on", "-numa", "node,memdev=alpymem",
                "-chardev", $"socket,id=alpyfs,path={SocketPath}", "-device", $"vhost-user-fs-pci,chardev=alpyfs,tag={Tag}",
            ],
        };
    }

    /// <summary>Kills virtiofsd and removes its temporary folder; safe to call twice.</summary>
    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Removed already.
        }

        return ValueTask.CompletedTask;
    }
}
