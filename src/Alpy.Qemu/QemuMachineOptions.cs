using System.Text;
using System.Text.RegularExpressions;
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
    public string MachineType { get; init; } = "pc";

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

    /// <summary>Throws <see cref="QemuOptionsException"/> naming the first option that cannot work and how to fix it.</summary>
    public void Validate()
    {
        ValidateIdentity();
        ValidateBoot();
        ValidateSize();
        ValidateNics();
        ValidatePaths();
        try
        {
            Console.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new QemuOptionsException($"Console option {ex.ParamName}: {ex.Message}", nameof(Console));
        }
    }

    /// <summary>The binary's full path: as given when it contains a '/', else the first match on PATH; null when missing.</summary>
    public string? ResolveBinary() => Executable.Find(Binary);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$")]
    private static partial Regex InterfaceNamePattern();

    [GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")]
    private static partial Regex MacPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.,+=-]*$")]
    private static partial Regex TokenPattern();

    private static QemuOptionsException Invalid(string option, string message) => new(message, option);

    private string Artifact(string file) => Path.Combine(Path.GetFullPath(RunDirectory), file);

    private void ValidateIdentity()
    {
        if (Name is null || !NamePattern().IsMatch(Name))
        {
            throw Invalid(nameof(Name), $"The machine name '{Name}' is not usable as QEMU's -name: use 1-64 letters, digits, '.', '_' or '-' (e.g. alpy-1a2b3c).");
        }

        if (string.IsNullOrWhiteSpace(Binary))
        {
            throw Invalid(nameof(Binary), "The QEMU binary is empty; leave the default qemu-system-x86_64 or give a path.");
        }

        var binary = ResolveBinary();
        if (binary is not null && !OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(binary) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
        {
            throw Invalid(nameof(Binary), $"The QEMU binary {binary} is not executable. Give the path of qemu-system-x86_64 (Debian's qemu-system-x86).");
        }

        if (binary is null)
        {
            throw Invalid(
                nameof(Binary),
                Binary.Contains('/', StringComparison.Ordinal)
                    ? $"The QEMU binary {Binary} does not exist. Give the path of qemu-system-x86_64, or install Debian's qemu-system-x86 (scripts/install-prerequisites does)."
                    : $"The QEMU binary '{Binary}' is not on PATH. Install Debian's qemu-system-x86 (scripts/install-prerequisites does: apt-get install qemu-system-x86), or set Binary to its path.");
        }
    }

    private void ValidateBoot()
    {
        if ((Kernel is null) == (Disk is null))
        {
            throw Invalid(nameof(Kernel), "Give either a kernel (Kernel, with Initrd and Append) or a disk image (Disk) to boot, not both and not neither.");
        }

        if (Kernel is not null && !File.Exists(Kernel))
        {
            throw Invalid(nameof(Kernel), $"The kernel {Kernel} does not exist. Build the DUT's image first (for Rabbit: dut/rabbit/build prints a manifest with the kernel's and initramfs's paths).");
        }

        if (Initrd is not null && (Kernel is null || !File.Exists(Initrd)))
        {
            throw Invalid(nameof(Initrd), Kernel is null
                ? "An initrd needs a kernel to boot with; set Kernel too."
                : $"The initrd {Initrd} does not exist. Build the DUT's image first (for Rabbit: dut/rabbit/build).");
        }

        if (Append is not null && (Kernel is null || Append.Any(char.IsControl)))
        {
            throw Invalid(nameof(Append), Kernel is null
                ? "A kernel command line needs a kernel; set Kernel too."
                : "The kernel command line contains a control character (a line break?); it must be one line.");
        }

        if (Disk is not null && !File.Exists(Disk))
        {
            throw Invalid(nameof(Disk), $"The disk image {Disk} does not exist.");
        }

        if (DiskFormat is not ("qcow2" or "raw"))
        {
            throw Invalid(nameof(DiskFormat), $"The disk format '{DiskFormat}' is not supported; use qcow2 or raw.");
        }
    }

    private void ValidateSize()
    {
        if (MemoryMiB is < 16 or > 65536)
        {
            throw Invalid(nameof(MemoryMiB), $"{MemoryMiB} MiB of memory is outside 16-65536 MiB (Rabbit needs about 128).");
        }

        if (Cpus is < 1 or > 64)
        {
            throw Invalid(nameof(Cpus), $"{Cpus} CPUs is outside 1-64.");
        }

        if (!TokenPattern().IsMatch(MachineType ?? string.Empty))
        {
            throw Invalid(nameof(MachineType), $"The machine type '{MachineType}' is not a QEMU machine name (e.g. pc, q35, microvm; qemu-system-x86_64 -machine help lists them).");
        }

        if (Cpu is not null && !TokenPattern().IsMatch(Cpu))
        {
            throw Invalid(nameof(Cpu), $"The CPU model '{Cpu}' is not a QEMU CPU model (e.g. max, host, qemu64; qemu-system-x86_64 -cpu help lists them).");
        }

        if (StartTimeout <= TimeSpan.Zero || QuitTimeout <= TimeSpan.Zero)
        {
            throw Invalid(nameof(StartTimeout), "StartTimeout and QuitTimeout must be positive (defaults: 10 s and 3 s).");
        }

        if (ExtraArgs is null || ExtraArgs.Any(a => a is null))
        {
            throw Invalid(nameof(ExtraArgs), "ExtraArgs must not contain null.");
        }
    }

    private void ValidateNics()
    {
        if (Nics is null)
        {
            throw Invalid(nameof(Nics), "Nics must not be null; give an empty list for a machine without network.");
        }

        var taps = new HashSet<string>(StringComparer.Ordinal);
        var macs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Nics.Count; i++)
        {
            var nic = Nics[i] ?? throw Invalid(nameof(Nics), $"NIC {i} is null.");
            var where = $"NIC {i} (link {i})";
            if (nic.TapName is null || !InterfaceNamePattern().IsMatch(nic.TapName))
            {
                throw Invalid(nameof(Nics), $"{where}: the tap name '{nic.TapName}' is not a Linux interface name (1-15 letters, digits, '_', '.', '-').");
            }

            if (nic.MacAddress is null || !MacPattern().IsMatch(nic.MacAddress.ToLowerInvariant()))
            {
                throw Invalid(nameof(Nics), $"{where}: the MAC '{nic.MacAddress}' is not six hex pairs such as 52:54:00:12:34:56 (QemuNic.MacFor makes one).");
            }

            if ((Convert.ToByte(nic.MacAddress[..2], 16) & 1) != 0)
            {
                throw Invalid(nameof(Nics), $"{where}: the MAC {nic.MacAddress} is a multicast address; the first byte must be even (e.g. 52).");
            }

            if (!taps.Add(nic.TapName) || !macs.Add(nic.MacAddress))
            {
                throw Invalid(nameof(Nics), $"{where}: tap {nic.TapName} or MAC {nic.MacAddress} is used by an earlier NIC too; every link needs its own.");
            }

            if (!TokenPattern().IsMatch(nic.Model ?? string.Empty))
            {
                throw Invalid(nameof(Nics), $"{where}: the device model '{nic.Model}' is not a QEMU device name (e.g. virtio-net-pci, e1000).");
            }

            if (nic.CaptureFile is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(nic.CaptureFile))))
            {
                throw Invalid(nameof(Nics), $"{where}: the folder of the capture file {nic.CaptureFile} does not exist; create it first.");
            }

            if (nic.CaptureSnapLength is < 64)
            {
                throw Invalid(nameof(Nics), $"{where}: a capture snap length of {nic.CaptureSnapLength} bytes cuts even the headers; use 64 or more, or null for whole frames.");
            }
        }
    }

    private void ValidatePaths()
    {
        if (string.IsNullOrWhiteSpace(RunDirectory))
        {
            throw Invalid(nameof(RunDirectory), "RunDirectory is empty; give the folder for QEMU's logs (e.g. reports/runs/RUN).");
        }

        foreach (var socket in new[] { ConsoleSocketPath, QmpSocketPath })
        {
            if (Encoding.UTF8.GetByteCount(socket) > MaxSocketPathBytes)
            {
                throw Invalid(
                    nameof(SocketDirectory),
                    $"The socket path {socket} is {Encoding.UTF8.GetByteCount(socket)} bytes; unix sockets allow {MaxSocketPathBytes}. " +
                    "Set SocketDirectory to a short folder such as /tmp/alpy-RUN.");
            }
        }
    }
}
