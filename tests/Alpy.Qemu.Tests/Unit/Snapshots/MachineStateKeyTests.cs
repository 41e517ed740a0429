using Alpy.Qemu.Snapshots;

namespace Alpy.Qemu.Tests.Unit.Snapshots;

public sealed class MachineStateKeyTests
{
    private static readonly QemuMachineOptions Base = new()
    {
        Name = "alpy-run1",
        RunDirectory = "/var/tmp/run1",
        SocketDirectory = "/tmp/alpy-runs/run1",
        Kernel = "/cache/rabbit/vmlinuz",
        Initrd = "/cache/rabbit/initrd",
        Append = "console=ttyS0 rabbit.addr=192.168.0.1/24,192.168.1.1/24",
        MemoryMiB = 128,
        Nics =
        [
            new QemuNic("alpyrun1t0", "52:54:aa:bb:cc:00") { CaptureFile = "/var/tmp/run1/link0.pcap" },
            new QemuNic("alpyrun1t1", "52:54:aa:bb:cc:01") { CaptureFile = "/var/tmp/run1/link1.pcap" },
        ],
    };

    private static string Key(QemuMachineOptions options, string version = "QEMU emulator version 7.2.19", string image = "image-key") =>
        MachineStateKey.Compute(options, QemuAccelerator.Tcg, version, image);

    [Fact]
    public void Given_another_run_of_the_same_machine_When_keyed_Then_the_key_is_the_same()
    {
        var otherRun = Base with
        {
            Name = "alpy-run2",
            RunDirectory = "/var/tmp/run2",
            SocketDirectory = "/tmp/alpy-runs/run2",
            Nics = [.. Base.Nics.Select((n, i) => n with { TapName = $"alpyrun2t{i}", CaptureFile = $"/var/tmp/run2/link{i}.pcap" })],
        };

        Key(otherRun).Should().Be(Key(Base), "taps, sockets, captures and folders are not part of the saved state");
        Key(Base).Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Fact]
    public void Given_a_change_to_what_the_state_holds_When_keyed_Then_the_key_differs()
    {
        var variants = new[]
        {
            Key(Base with { Append = "console=ttyS0 rabbit.addr=10.0.0.1/24,192.168.1.1/24" }),
            Key(Base with { Nics = [Base.Nics[0]] }),
            Key(Base with { Nics = [Base.Nics[0], Base.Nics[1] with { MacAddress = "52:54:aa:bb:cc:02" }] }),
            Key(Base with { MemoryMiB = 256 }),
            Key(Base with { Initrd = "/cache/rabbit2/initrd" }),
            Key(Base with { ExtraArgs = ["-device", "virtio-rng-pci"] }),
            Key(Base, version: "QEMU emulator version 8.0.0"),
            Key(Base, image: "another-image-key"),
            MachineStateKey.Compute(Base, QemuAccelerator.Kvm, "QEMU emulator version 7.2.19", "image-key"),
        };

        variants.Should().NotContain(Key(Base)).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Given_a_machine_awaiting_a_saved_state_When_its_command_line_is_built_Then_it_ends_with_incoming_defer()
    {
        QemuCommandLine.Build(Base with { AwaitSavedState = true }, QemuAccelerator.Tcg).TakeLast(2).Should().Equal("-incoming", "defer");
        QemuCommandLine.Build(Base, QemuAccelerator.Tcg).Should().NotContain("-incoming");
    }
}
