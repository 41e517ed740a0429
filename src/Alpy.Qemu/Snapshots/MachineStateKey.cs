using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alpy.Qemu.Snapshots;

/// <summary>
/// What a saved machine state depends on, as one hash: QEMU's version, the accelerator, the machine's devices
/// and size (machine type, CPU, memory, NIC models, MACs and order, extra arguments), what it boots (kernel,
/// initrd, kernel command line, which carries e.g. the address plan) and the boot image's own key. Run-specific
/// parts (name, taps, sockets, captures, folders) are left out: they are not part of the migrated state.
/// </summary>
public static class MachineStateKey
{
    /// <summary>The key as 32 lowercase hex digits (a file name).</summary>
    public static string Compute(QemuMachineOptions options, QemuAccelerator accelerator, string qemuVersion, string imageKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(qemuVersion);
        ArgumentException.ThrowIfNullOrEmpty(imageKey);
        var parts = new List<string>
        {
            // The format: raised whenever the command line changes in a way the options do not show (e.g. ctrl_vlan=off).
            "format=2",
            "qemu=" + qemuVersion,
            "accel=" + accelerator,
            "image=" + imageKey,
            "machine=" + options.MachineType,
            "cpu=" + (options.Cpu ?? string.Empty),
            "smp=" + options.Cpus.ToString(CultureInfo.InvariantCulture),
            "memory=" + options.MemoryMiB.ToString(CultureInfo.InvariantCulture),
            "no-reboot=" + options.ExitOnReboot,
            "kernel=" + (options.Kernel is null ? string.Empty : Path.GetFullPath(options.Kernel)),
            "initrd=" + (options.Initrd is null ? string.Empty : Path.GetFullPath(options.Initrd)),
            "disk=" + (options.Disk is null ? string.Empty : Path.GetFullPath(options.Disk)),
            "append=" + (options.Append ?? string.Empty),
        };
        parts.AddRange(options.Nics.Select(n => $"nic={n.Model},{n.MacAddress.ToLowerInvariant()},rom={n.OptionRom}"));
        parts.AddRange(options.ExtraArgs.Select(a => "arg=" + a));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
