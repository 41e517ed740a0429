using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Unit;

public sealed class QemuCommandLineTests : IDisposable
{
    private readonly TempDirectory _folder = TempDirectory.Create();

    public QemuCommandLineTests()
    {
        Directory.CreateDirectory(_folder.File("with,comma"));
        File.WriteAllText(_folder.File("vmlinuz"), "kernel");
    }

    private QemuMachineOptions Options => new()
    {
        Name = "alpy-cl",
        RunDirectory = _folder.Path,
        Binary = "/bin/true",
        Kernel = _folder.File("vmlinuz"),
        Append = "console=ttyS0 rabbit.addr=192.168.0.1/24",
        Nics =
        [
            new QemuNic("alpyt0", "52:54:00:00:00:01") { CaptureFile = _folder.File("link0.pcap") },
            new QemuNic("alpyt1", "52:54:00:00:00:02") { CaptureFile = Path.Combine(_folder.File("with,comma"), "link1.pcap"), CaptureSnapLength = 256 },
        ],
    };

    public void Dispose() => _folder.Dispose();

    private static int IndexOfPair(IReadOnlyList<string> args, string option, string value)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == option && args[i + 1] == value)
            {
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public void Given_tcg_When_built_Then_qemu_gets_no_defaults_and_the_tcg_accelerator()
    {
        var args = QemuCommandLine.Build(Options, QemuAccelerator.Tcg);

        args.Should().ContainInOrder("-nodefaults", "-no-user-config", "-display", "none");
        IndexOfPair(args, "-accel", "tcg").Should().BeGreaterThan(-1);
        IndexOfPair(args, "-cpu", "max").Should().BeGreaterThan(-1);
        IndexOfPair(args, "-name", "alpy-cl").Should().BeGreaterThan(-1);
        IndexOfPair(args, "-pidfile", _folder.File("qemu.pid")).Should().BeGreaterThan(-1);
        IndexOfPair(args, "-append", "console=ttyS0 rabbit.addr=192.168.0.1/24").Should().BeGreaterThan(-1, "the command line is one argument, never split by a shell");
        args.Should().Contain("-no-reboot");
    }

    [Fact]
    public void Given_kvm_When_built_Then_the_host_cpu_is_passed_through()
    {
        var args = QemuCommandLine.Build(Options, QemuAccelerator.Kvm);

        IndexOfPair(args, "-accel", "kvm").Should().BeGreaterThan(-1);
        IndexOfPair(args, "-cpu", "host").Should().BeGreaterThan(-1);
    }

    [Fact]
    public void Given_nics_When_built_Then_each_link_is_a_tap_without_vnet_header_with_its_mac_and_capture_in_link_order()
    {
        var args = QemuCommandLine.Build(Options, QemuAccelerator.Tcg);

        var link0 = IndexOfPair(args, "-netdev", "tap,id=link0,ifname=alpyt0,script=no,downscript=no,vnet_hdr=off");
        var link1 = IndexOfPair(args, "-netdev", "tap,id=link1,ifname=alpyt1,script=no,downscript=no,vnet_hdr=off");
        link0.Should().BeGreaterThan(-1);
        link1.Should().BeGreaterThan(link0);
        IndexOfPair(args, "-device", "virtio-net-pci,netdev=link0,mac=52:54:00:00:00:01,romfile=,ctrl_vlan=off").Should().BeGreaterThan(link0);
        IndexOfPair(args, "-object", $"filter-dump,id=dump0,netdev=link0,file={_folder.File("link0.pcap")}").Should().BeGreaterThan(link0);
    }

    [Fact]
    public void Given_a_path_with_a_comma_When_built_Then_the_comma_is_doubled_so_qemu_reads_it_as_part_of_the_path()
    {
        var args = QemuCommandLine.Build(Options, QemuAccelerator.Tcg);

        args.Should().Contain($"filter-dump,id=dump1,netdev=link1,file={_folder.Path}/with,,comma/link1.pcap,maxlen=256");
    }

    [Fact]
    public void Given_the_sockets_When_built_Then_the_console_waits_for_its_client_and_qmp_does_not()
    {
        var args = QemuCommandLine.Build(Options, QemuAccelerator.Tcg);

        args.Should().Contain($"socket,id=console,path={_folder.File("console.sock")},server=on,wait=on");
        args.Should().Contain($"socket,id=qmp,path={_folder.File("qmp.sock")},server=on,wait=off");
        args.Should().ContainInOrder("-serial", "chardev:console");
        args.Should().ContainInOrder("-mon", "chardev=qmp,mode=control");
    }

    [Fact]
    public void Given_auto_When_built_Then_it_asks_for_a_chosen_accelerator()
    {
        var building = () => QemuCommandLine.Build(Options, QemuAccelerator.Auto);

        building.Should().Throw<ArgumentException>().WithMessage("*AcceleratorProbe*");
    }
}
