namespace Alpy.Qemu.Tests.Unit;

public sealed class QemuNicTests
{
    [Fact]
    public void Given_a_run_and_a_link_When_a_mac_is_made_Then_it_is_unicast_locally_administered_and_stable()
    {
        var mac = QemuNic.MacFor("1a2b3c", 1);

        mac.Should().MatchRegex("^52:54:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}:01$");
        QemuNic.MacFor("1a2b3c", 1).Should().Be(mac);
    }

    [Fact]
    public void Given_other_runs_and_links_When_macs_are_made_Then_they_differ()
    {
        var macs = new[] { QemuNic.MacFor("run-a", 0), QemuNic.MacFor("run-a", 1), QemuNic.MacFor("run-b", 0) };

        macs.Should().OnlyHaveUniqueItems();
    }
}
