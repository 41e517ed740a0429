using Alpy.Qemu.Serial;

namespace Alpy.Qemu;

/// <summary>
/// Everything that defines one QEMU machine: what it boots (a kernel with initrd and command line, or a disk
/// image), its size, accelerator and NICs (in link order), where its sockets and logs go, and how long
/// starting and quitting may take. Immutable; <see cref="Validate"/> (called by
/// <see cref="QemuMachine.StartAsync"/>) throws <see cref="QemuOptionsException"/> naming the fix.
/// </summary>
public sealed partial record QemuMachineOptions
{
    /// <summary>Longest unix socket path (sun_path holds 108 bytes with the terminating NUL).</summary>
    public const int MaxSocketPathBytes = 107;

    /// <summary>The machine's name: QEMU's <c>-name</c> (a reaper finds a dead run's QEMU by it) and the name in
    /// messages. Letters, digits, '.', '_' and '-', at most 64.</summary>
    public required string Name { get; init; }

    /// <summary>Folder of the machine's artifacts: QEMU's stdout/stderr, console logs, pidfile, command line.
    /// Created if missing.</summary>
    public required string RunDirectory { get; init; }

    /// <summary>Folder of the console and QMP sockets; <see cref="RunDirectory"/> when null. Unix socket paths
    /// must stay within <see cref="MaxSocketPathBytes"/> bytes, so a deep run folder needs a short socket
    /// folder (e.g. /tmp/alpy-RUN).</summary>
    public string? SocketDirectory { get; init; }

    /// <summary>The QEMU binary: a name looked up on PATH, or a path.</summary>
    public string Binary { get; init; } = "qemu-system-x86_64";

    /// <summary>Kernel image to boot directly (<c>-kernel</c>); either this or <see cref="Disk"/>.</summary>
    public string? Kernel { get; init; }

    /// <summary>Initial ramdisk for <see cref="Kernel"/> (<c>-initrd</c>).</summary>
    public string? Initrd { get; init; }

    /// <summary>Kernel command line for <see cref="Kernel"/> (<c>-append</c>).</summary>
    public string? Append { get; init; }

    /// <summary>Disk image to boot instead of a kernel; attached as virtio with <c>snapshot=on</c>, so that the
    /// image itself is never written.</summary>
    public string? Disk { get; init; }

    /// <summary>Format of <see cref="Disk"/> ("qcow2" or "raw").</summary>
    public string DiskFormat { get; init; } = "qcow2";

    public int MemoryMiB { get; init; } = 256;

    public int Cpus { get; init; } = 1;

    public QemuAccelerator Accelerator { get; init; } = QemuAccelerator.Auto;

    /// <summary>QEMU's machine type (<c>-machine</c>).</summary>
    public string MachineType { get; init; } = DefaultMachineType;

    /// <summary>The machine type when none is given (also the accelerator probe's).</summary>
    public const string DefaultMachineType = "pc";

    /// <summary>CPU model (<c>-cpu</c>); null picks "host" under KVM and "max" under TCG.</summary>
    public string? Cpu { get; init; }

    /// <summary>The NICs in link order.</summary>
    public IReadOnlyList<QemuNic> Nics { get; init; } = [];

    /// <summary>Whether a guest reboot ends QEMU (<c>-no-reboot</c>), so that a kernel panic with <c>panic=-1</c> is an
    /// exit the caller sees instead of a silent reboot loop.</summary>
    public bool ExitOnReboot { get; init; } = true;

    /// <summary>Whether QEMU dies with the host process even when that is killed with SIGKILL (util-linux's
    /// setpriv --pdeathsig; skipped when setpriv is missing). A reaper still needs the pidfile for QEMUs of
    /// hosts that died before this existed.</summary>
    public bool KillWithHost { get; init; } = true;

    /// <summary>Whether QEMU starts waiting for a saved machine state (<c>-incoming defer</c>) instead of booting:
    /// <see cref="Snapshots.MachineState.RestoreAsync"/> then loads one. The options must be the ones the state
    /// was saved with (devices, memory, MACs); only netdev backends, sockets and captures may differ.</summary>
    public bool AwaitSavedState { get; init; }

    /// <summary>Arguments appended to QEMU's command line as they are (devices the options do not cover).</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    /// <summary>The console: prompt, default timeout, tail length... Its name and log paths are filled in by the machine.</summary>
    public SerialConsoleOptions Console { get; init; } = new();

    /// <summary>How long QEMU may take to open its console and QMP sockets.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a graceful QMP <c>quit</c> may take before QEMU is killed.</summary>
    public TimeSpan QuitTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Where the accelerator probe caches its verdict; null for the default
    /// (<see cref="Accelerators.AcceleratorProbe.DefaultCacheDirectory"/>).</summary>
    public string? AcceleratorCacheDirectory { get; init; }

    public string ConsoleSocketPath => Path.Combine(Path.GetFullPath(SocketDirectory ?? RunDirectory), "console.sock");

    public string QmpSocketPath => Path.Combine(Path.GetFullPath(SocketDirectory ?? RunDirectory), "qmp.sock");

    /// <summary>QEMU's pidfile: what a reaper reads to find the QEMU of a dead run.</summary>
    public string PidFilePath => Artifact("qemu.pid");

    public string StdoutLogPath => Artifact("qemu.stdout.log");

    public string StderrLogPath => Artifact("qemu.stderr.log");

    /// <summary>QEMU's argv, one argument per line, for humans who want to rerun it.</summary>
    public string CommandLinePath => Artifact("qemu.cmdline");

    public string ConsoleRawLogPath => Artifact("console.raw.log");

    public string ConsoleTextLogPath => Artifact("console.log");

    /// <summary>The binary's full path: as given when it contains a '/', else the first match on PATH; null when missing.</summary>
    public string? ResolveBinary() => Executable.Find(Binary);

    private string Artifact(string file) => Path.Combine(Path.GetFullPath(RunDirectory), file);
}
