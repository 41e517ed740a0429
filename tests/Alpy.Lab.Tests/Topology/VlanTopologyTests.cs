using Alpy.Lab.Topology;

namespace Alpy.Lab.Tests.Topology;

public sealed class VlanTopologyTests
{
    private static LabTopology WithVlans(params VlanSpec[] vlans) => new()
    {
        Links = [new LinkSpec { Ipv4 = SubnetPlan.Parse("192.168.0.0/24", "192.168.0.1", "192.168.0.2"), Vlans = [.. vlans] }],
    };

    private static VlanSpec Vlan(int id, int third) =>
        new() { Id = id, Ipv4 = SubnetPlan.Parse($"10.{third}.0.0/24", $"10.{third}.0.1", $"10.{third}.0.2") };

    [Fact]
    public void Given_two_vlans_on_a_link_When_validated_Then_they_are_listed_with_their_link()
    {
        var topology = WithVlans(Vlan(10, 10), Vlan(20, 20)).Validate();

        topology.AllVlans.Select(v => (v.Link, v.Vlan.Id)).Should().Equal((0, 10), (0, 20));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4095)]
    [InlineData(-1)]
    public void Given_a_vlan_id_out_of_range_When_validated_Then_the_range_is_named(int id)
    {
        var act = () => WithVlans(Vlan(id, 10)).Validate();

        act.Should().Throw<InvalidTopologyException>().WithMessage($"*VLAN id {id} is out of range*1..4094*");
    }

    [Fact]
    public void Given_a_duplicated_vlan_id_When_validated_Then_it_is_refused()
    {
        var act = () => WithVlans(Vlan(10, 10), Vlan(10, 20)).Validate();

        act.Should().Throw<InvalidTopologyException>().WithMessage("*VLAN id 10 twice*");
    }

    [Fact]
    public void Given_a_vlan_subnet_overlapping_its_link_When_validated_Then_both_are_named()
    {
        var vlan = new VlanSpec { Id = 10, Ipv4 = SubnetPlan.Parse("192.168.0.128/25", "192.168.0.129", "192.168.0.130") };

        var act = () => WithVlans(vlan).Validate();

        act.Should().Throw<InvalidTopologyException>().WithMessage("*link 0 VLAN 10 IPv4: subnet 192.168.0.128/25 overlaps link 0 IPv4*");
    }

    [Fact]
    public void Given_the_same_vlan_id_on_two_links_When_validated_Then_it_is_allowed()
    {
        var topology = new LabTopology
        {
            Links =
            [
                new LinkSpec { Ipv4 = SubnetPlan.Parse("192.168.0.0/24", "192.168.0.1", "192.168.0.2"), Vlans = [Vlan(10, 10)] },
                new LinkSpec { Ipv4 = SubnetPlan.Parse("192.168.1.0/24", "192.168.1.1", "192.168.1.2"), Vlans = [Vlan(10, 11)] },
            ],
        };

        topology.Invoking(t => t.Validate()).Should().NotThrow();
    }
}
