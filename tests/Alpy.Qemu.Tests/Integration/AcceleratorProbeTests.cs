using Alpy.Qemu.Accelerators;
using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Integration;

[Collection(OneQemuAtATime.Name)]
public sealed class AcceleratorProbeTests : IDisposable
{
    private readonly TempDirectory _cache = TempDirectory.Create();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task Given_the_probe_guest_When_booted_under_tcg_Then_it_runs_to_its_exit_port()
    {
        var verdict = await AcceleratorProbe.ProbeAsync("/usr/bin/qemu-system-x86_64", QemuAccelerator.Tcg, TimeSpan.FromSeconds(60), Cancellation);

        verdict.Accelerator.Should().Be(QemuAccelerator.Tcg);
        verdict.Reason.Should().StartWith("a probe boot under TCG ran in", "the boot sector reached isa-debug-exit: the probe would prove KVM the same way");
    }

    [Fact]
    public async Task Given_a_fresh_cache_When_choosing_twice_Then_the_second_verdict_comes_from_the_cache()
    {
        var first = await AcceleratorProbe.ChooseAsync(cacheDirectory: _cache.Path, cancellationToken: Cancellation);
        var second = await AcceleratorProbe.ChooseAsync(cacheDirectory: _cache.Path, cancellationToken: Cancellation);

        if (!File.Exists("/dev/kvm"))
        {
            first.Should().Be(new AcceleratorVerdict(QemuAccelerator.Tcg, "there is no /dev/kvm on this host", Cached: false));
            return;
        }

        first.Cached.Should().BeFalse();
        second.Should().Be(first with { Cached = true });
        Directory.GetFiles(_cache.Path, "accelerator-*.json").Should().ContainSingle();
    }

    [Fact]
    public async Task Given_a_qemu_binary_that_does_not_exist_When_choosing_Then_the_error_names_the_package()
    {
        var choosing = () => AcceleratorProbe.ChooseAsync("/no/such/qemu", _cache.Path, cancellationToken: Cancellation);

        await choosing.Should().ThrowAsync<QemuOptionsException>().WithMessage("*qemu-system-x86*");
    }
}
