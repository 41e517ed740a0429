using Alpy.Qemu.Accelerators;

namespace Alpy.Qemu.Tests.Unit;

/// <summary>The probe proves an accelerator for the machines that will really boot: a nested KVM can run a plain guest
/// and still abort on the host CPU model ("failed to set MSR 0x10a"), so the probe must boot the same model.</summary>
public sealed class AcceleratorProbeArgumentsTests
{
    [Theory]
    [InlineData(QemuAccelerator.Kvm, "kvm", "host")]
    [InlineData(QemuAccelerator.Tcg, "tcg", "max")]
    public void Given_an_accelerator_When_the_probe_boots_Then_it_uses_the_machine_type_and_cpu_of_real_boots(QemuAccelerator accelerator, string accel, string cpu)
    {
        var options = new QemuMachineOptions { Name = "alpy-probe-test", RunDirectory = "/tmp/alpy-probe-test", Kernel = "/boot/vmlinuz" };
        var real = QemuCommandLine.Build(options, accelerator);

        var probe = AcceleratorProbe.Arguments(accelerator, "/tmp/probe.img");

        ValueOf(probe, "-accel").Should().Be(accel);
        ValueOf(probe, "-cpu").Should().Be(cpu).And.Be(ValueOf(real, "-cpu"));
        ValueOf(probe, "-machine").Should().Be(ValueOf(real, "-machine"));
    }

    private static string ValueOf(IReadOnlyList<string> argv, string option) => argv[argv.ToList().IndexOf(option) + 1];
}
