using Alpy.Capture;
using Alpy.Lab.Tests.Support;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Tests.Lifecycle;

/// <summary>
/// VLANs end to end: the DUT has eth0.10 and eth0.20 (Rabbit's rabbit.vlan plan), each VLAN has a node
/// of its own behind the link's user-space 802.1Q bridge, and the link's pcap shows the tags.
/// </summary>
[Trait("Category", "integration")]
[Collection(QemuLabs.Name)]
public sealed class VlanLabTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static VlanSpec Vlan(int id) =>
        new() { Id = id, Ipv4 = SubnetPlan.Parse($"10.{id}.0.0/24", $"10.{id}.0.1", $"10.{id}.0.2") };

    [Fact]
    public async Task Given_two_vlans_on_link0_When_each_vlan_node_pings_the_DUT_Then_both_answer_over_tagged_frames()
    {
        var options = await LabFactory.OptionsAsync() with
        {
            Topology = new LabTopology
            {
                Links =
                [
                    new LinkSpec { Ipv4 = SubnetPlan.Parse("192.168.0.0/24", "192.168.0.1", "192.168.0.2"), Vlans = [Vlan(10), Vlan(20)] },
                    new LinkSpec { Ipv4 = SubnetPlan.Parse("192.168.1.0/24", "192.168.1.1", "192.168.1.2") },
                ],
            },
        };
        await using var lab = await Lab.StartAsync(options, cancellationToken: Token);

        var vlan10 = await lab.RunAsync(lab.VlanNode(0, 10), ["ping", "-c", "1", "-W", "3", "10.10.0.1"], cancellationToken: Token);
        var vlan20 = await lab.RunAsync(lab.VlanNode(0, 20), ["ping", "-c", "1", "-W", "3", "10.20.0.1"], cancellationToken: Token);
        var untagged = await lab.RunAsync(lab.Node(0), ["ping", "-c", "1", "-W", "3", "192.168.0.1"], cancellationToken: Token);
        var across = await lab.RunAsync(lab.VlanNode(0, 20), ["ping", "-c", "1", "-W", "3", "192.168.1.2"], cancellationToken: Token);

        vlan10.ExitCode.Should().Be(0, vlan10.Stdout + vlan10.Stderr);
        vlan20.ExitCode.Should().Be(0, vlan20.Stdout + vlan20.Stderr);
        untagged.ExitCode.Should().Be(0, "the link's own node still speaks untagged");
        across.ExitCode.Should().Be(0, "the DUT routes from VLAN 20 to link 1");
        var link0 = new CaptureFile(lab.Dut.Captures[0]).Read();
        link0.Should().ContainFrame("vlan 10 and icmp and host 10.10.0.2", Exactly.Twice(), "request and reply are tagged 10")
            .And.ContainFrame("vlan 20 and icmp and host 10.20.0.2 and host 10.20.0.1", Exactly.Twice())
            .And.NotContainFrame("icmp and host 10.10.0.2", "VLAN frames never travel untagged (a filter without 'vlan' sees untagged frames only)");
    }
}
