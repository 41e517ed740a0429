using System.Globalization;

namespace Alpy.Qemu;

/// <summary>
/// QEMU's argv for validated <see cref="QemuMachineOptions"/>: an argument array, never a shell string. No
/// defaults of QEMU's own (<c>-nodefaults -no-user-config</c>): every device is the one asked for. The console
/// socket waits for its client (<c>wait=on</c>), so that the first byte the guest prints is already read;
/// QMP does not wait and is connected right after.
/// </summary>
public static class QemuCommandLine
{
    /// <summary>The CPU model a machine gets when its options name none: the host's own under KVM, the most
    /// QEMU emulates under TCG. The accelerator probe boots with the same model, because a nested KVM can run a
    /// plain guest and still refuse the host model (seen: "failed to set MSR 0x10a", QEMU aborts).</summary>
    public static string DefaultCpu(QemuAccelerator accelerator) => accelerator == QemuAccelerator.Kvm ? "host" : "max";

    /// <summary>Builds the arguments (without the binary) for <paramref name="options"/> under <paramref name="accelerator"/>.</summary>
    public static IReadOnlyList<string> Build(QemuMachineOptions options, QemuAccelerator accelerator)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (accelerator == QemuAccelerator.Auto)
        {
            throw new ArgumentException("Choose the accelerator first (AcceleratorProbe.ChooseAsync); the command line needs tcg or kvm.", nameof(accelerator));
        }

        var args = new List<string>
        {
            "-name", options.Name,
            "-pidfile", options.PidFilePath,
            "-nodefaults", "-no-user-config",
            "-display", "none",
            "-machine", options.MachineType,
            "-accel", accelerator == QemuAccelerator.Kvm ? "kvm" : "tcg",
            "-cpu", options.Cpu ?? DefaultCpu(accelerator),
            "-smp", options.Cpus.ToString(CultureInfo.InvariantCulture),
            "-m", options.MemoryMiB.ToString(CultureInfo.InvariantCulture),
        };

        if (options.ExitOnReboot)
        {
            args.Add("-no-reboot");
        }

        AddBoot(options, args);
        args.AddRange([
            "-chardev", $"socket,id=console,path={Escape(options.ConsoleSocketPath)},server=on,wait=on",
            "-serial", "chardev:console",
            "-chardev", $"socket,id=qmp,path={Escape(options.QmpSocketPath)},server=on,wait=off",
            "-mon", "chardev=qmp,mode=control",
        ]);

        for (var i = 0; i < options.Nics.Count; i++)
        {
            AddNic(options.Nics[i], i, args);
        }

        args.AddRange(options.ExtraArgs);
        if (options.AwaitSavedState)
        {
            args.AddRange(["-incoming", "defer"]);
        }

        return args;
    }

    /// <summary>Escapes a value inside a QEMU option list, where ',' separates options and ",," is a literal comma.</summary>
    public static string Escape(string value) => value.Replace(",", ",,", StringComparison.Ordinal);

    private static void AddBoot(QemuMachineOptions options, List<string> args)
    {
        if (options.Kernel is not null)
        {
            args.AddRange(["-kernel", Path.GetFullPath(options.Kernel)]);
            if (options.Initrd is not null)
            {
                args.AddRange(["-initrd", Path.GetFullPath(options.Initrd)]);
            }

            if (options.Append is not null)
            {
                args.AddRange(["-append", options.Append]);
            }

            return;
        }

        args.AddRange([
            "-drive", $"file={Escape(Path.GetFullPath(options.Disk!))},format={options.DiskFormat},if=virtio,snapshot=on",
        ]);
    }

    /// <summary>
    /// No VLAN filter in virtio-net (<c>ctrl_vlan=off</c>): tagged frames all reach the guest, which filters them
    /// itself. QEMU 7.2 clears the device's VLAN table when it loads a saved state (it applies the features after
    /// the table), so a restored guest would drop every tagged frame; without the filter there is no table to lose.
    /// </summary>
    private static string VlanFilter(QemuNic nic) => nic.Model.StartsWith("virtio-net", StringComparison.Ordinal) ? ",ctrl_vlan=off" : string.Empty;

    private static void AddNic(QemuNic nic, int index, List<string> args)
    {
        var netdev = $"link{index}";
        args.AddRange([
            "-netdev", $"tap,id={netdev},ifname={nic.TapName},script=no,downscript=no,vnet_hdr=off",
            "-device", $"{nic.Model},netdev={netdev},mac={nic.MacAddress.ToLowerInvariant()}" + (nic.OptionRom ? string.Empty : ",romfile=") + VlanFilter(nic),
        ]);

        if (nic.CaptureFile is not null)
        {
            var snap = nic.CaptureSnapLength is { } maxlen ? $",maxlen={maxlen.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            args.AddRange([
                "-object", $"filter-dump,id=dump{index},netdev={netdev},file={Escape(Path.GetFullPath(nic.CaptureFile))}{snap}",
            ]);
        }
    }
}
