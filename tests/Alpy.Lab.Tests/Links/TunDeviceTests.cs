using Alpy.Lab.Links;

namespace Alpy.Lab.Tests.Links;

/// <summary>/dev/net/tun is checked before a lab creates anything: usable here, and a missing one says what to run.</summary>
public sealed class TunDeviceTests
{
    [Fact]
    public void Given_this_machines_tun_device_When_checked_Then_it_is_usable() =>
        FluentActions.Invoking(() => TunDevice.EnsureUsable()).Should().NotThrow("the lab tests run QEMU with taps on this machine");

    [Fact]
    public void Given_no_tun_device_When_checked_Then_the_error_names_it_and_says_to_load_the_module()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"alpy-no-tun-{Guid.NewGuid():N}", "tun");

        FluentActions.Invoking(() => TunDevice.EnsureUsable(missing)).Should().Throw<LabException>()
            .WithMessage($"{missing} is missing, so QEMU cannot open the DUT's links. Load the tun module as root: sudo modprobe tun");
    }

    [Fact]
    public void Given_a_tun_device_this_user_may_not_open_When_checked_Then_the_error_gives_the_chmod_and_the_udev_rule()
    {
        // A file of mode 0000 stands in for a 0600 /dev/net/tun; root opens anything, so only a regular user can see this.
        Assert.SkipWhen(Native.GetEffectiveUserId() == 0, "root may open any file; run the Lab tests as a regular user for this one");
        var locked = Path.Combine(Path.GetTempPath(), $"alpy-locked-tun-{Guid.NewGuid():N}");
        File.WriteAllText(locked, "");
        try
        {
            File.SetUnixFileMode(locked, UnixFileMode.None);
            FluentActions.Invoking(() => TunDevice.EnsureUsable(locked)).Should().Throw<LabException>()
                .WithMessage("*may not open*sudo chmod 0666 /dev/net/tun*60-alpy-tun.rules*");
        }
        finally
        {
            File.Delete(locked);
        }
    }
}
