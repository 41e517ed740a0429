using Alpy.Lab.Links;
using Alpy.Lab.Tests.Docker;
using Alpy.Lab.Tests.Support;

namespace Alpy.Lab.Tests.Links;

/// <summary>
/// /dev/net/tun is checked before a lab creates anything: usable here, a missing one says what to run, and one a regular
/// user may not open gives the chmod and the udev rule (checked as user nobody, in the test host).
/// </summary>
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
    public async Task Given_a_tun_device_a_regular_user_may_not_open_When_that_user_checks_it_Then_the_error_gives_the_chmod_and_the_udev_rule()
    {
        // A file of mode 0600 stands in for the 0600 /dev/net/tun some machines ship: root may open anything, so the check
        // runs in the test host as user nobody, as a regular user's lab would.
        using var folder = new FakeDaemonFolder();
        var locked = folder.File("tun");
        File.WriteAllText(locked, "");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var check = await LabHostProcess.CheckTunAsNobodyAsync(locked, folder.NobodysEnvironment());

        check.ExitCode.Should().Be(1, check.Stdout + check.Stderr);
        check.Stderr.Should().Contain($"nobody may not open {locked}, so QEMU cannot open the DUT's links. Make it usable by all users as stock "
                                      + "Debian does: sudo chmod 0666 /dev/net/tun")
            .And.Contain("60-alpy-tun.rules");
    }

    [Fact]
    public async Task Given_a_tun_device_everyone_may_open_When_a_regular_user_checks_it_Then_it_is_usable()
    {
        using var folder = new FakeDaemonFolder();
        var open = folder.File("tun");
        File.WriteAllText(open, "");
        File.SetUnixFileMode(open, (UnixFileMode)0x1B6); // 0666, as stock Debian has /dev/net/tun

        var check = await LabHostProcess.CheckTunAsNobodyAsync(open, folder.NobodysEnvironment());

        check.ExitCode.Should().Be(0, check.Stdout + check.Stderr);
        check.Stdout.Should().Contain("usable");
    }
}
