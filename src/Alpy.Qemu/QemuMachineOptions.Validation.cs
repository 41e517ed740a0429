using System.Text;
using System.Text.RegularExpressions;

namespace Alpy.Qemu;

/// <summary>The checks of <see cref="QemuMachineOptions"/>: each failure names the option, the bad value and the fix.</summary>
public sealed partial record QemuMachineOptions
{
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

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$")]
    private static partial Regex InterfaceNamePattern();

    [GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")]
    private static partial Regex MacPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.,+=-]*$")]
    private static partial Regex TokenPattern();

    private static QemuOptionsException Invalid(string option, string message) => new(message, option);


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
