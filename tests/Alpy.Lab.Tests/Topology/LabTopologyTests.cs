using Alpy.Lab.Topology;

namespace Alpy.Lab.Tests.Topology;

public sealed class LabTopologyTests
{
    private static LinkSpec Link(string subnet, string dut, params string[] nodes) =>
        new() { Ipv4 = SubnetPlan.Parse(subnet, dut, nodes) };

    [Fact]
    public void Given_the_conventional_plan_When_validated_Then_each_link_has_its_own_subnet()
    {
        var topology = LabTopology.WithLinks(2, ipv6: true).Validate();

        topology.Links.Should().HaveCount(2);
        topology.Links[1].Ipv4!.Subnet.ToString().Should().Be("192.168.1.0/24");
        topology.Links[1].Ipv4!.DutAddress.ToString().Should().Be("192.168.1.1");
        topology.Links[1].Ipv4!.NodeAddress.ToString().Should().Be("192.168.1.2");
        topology.Links[1].Ipv6!.DutInterfaceAddress.Should().Be("2001:db8:1::1/64");
    }

    [Fact]
    public void Given_zero_links_When_validated_Then_the_error_asks_for_at_least_one()
    {
        var act = () => new LabTopology { Links = [] }.Validate();

        act.Should().Throw<InvalidTopologyException>().WithMessage("*0 links*at least one link*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Given_a_link_count_out_of_range_When_the_plan_is_made_Then_it_is_refused(int links)
    {
        var act = () => LabTopology.WithLinks(links);

        act.Should().Throw<InvalidTopologyException>().WithMessage($"*not {links}*");
    }

    [Fact]
    public void Given_overlapping_subnets_When_validated_Then_the_error_names_both_links()
    {
        var topology = new LabTopology
        {
            Links = [Link("10.1.0.0/16", "10.1.0.1", "10.1.0.2"), Link("10.1.5.0/24", "10.1.5.1", "10.1.5.2")],
        };

        var act = () => topology.Validate();

        act.Should().Throw<InvalidTopologyException>()
            .WithMessage("*link 1 IPv4: subnet 10.1.5.0/24 overlaps link 0 IPv4's subnet 10.1.0.0/16*");
    }

    [Theory]
    [InlineData("192.168.0.0/24", "192.168.1.1", "192.168.0.2", "*DUT address 192.168.1.1 is outside subnet 192.168.0.0/24*")]
    [InlineData("192.168.0.0/24", "192.168.0.1", "192.168.9.2", "*node address 192.168.9.2 is outside*")]
    [InlineData("192.168.0.0/24", "192.168.0.1", "192.168.0.1", "*192.168.0.1 is used twice*")]
    [InlineData("192.168.0.0/24", "192.168.0.0", "192.168.0.2", "*network or broadcast*")]
    [InlineData("192.168.0.0/24", "192.168.0.1", "192.168.0.255", "*network or broadcast*")]
    [InlineData("192.168.0.0/31", "192.168.0.0", "192.168.0.1", null)]
    [InlineData("192.168.0.0/32", "192.168.0.0", "192.168.0.0", "*fewer than 2 hosts*")]
    public void Given_a_bad_address_When_validated_Then_the_error_names_it(string subnet, string dut, string node, string? expected)
    {
        var act = () => new LabTopology { Links = [Link(subnet, dut, node)] }.Validate();

        if (expected is null)
            act.Should().NotThrow();
        else
            act.Should().Throw<InvalidTopologyException>().WithMessage(expected);
    }

    [Theory]
    [InlineData("192.168.0.0", "*not a CIDR*")]
    [InlineData("192.168.0.0/33", "*prefix length 33*0..32*")]
    [InlineData("192.168.0.1/24", "*host bits set; did you mean 192.168.0.0/24*")]
    [InlineData("banana/24", "*not a CIDR*")]
    [InlineData("", "*empty*")]
    public void Given_a_bad_cidr_When_parsed_Then_the_error_shows_how_to_write_it(string subnet, string expected)
    {
        var act = () => SubnetPlan.Parse(subnet, "192.168.0.1", "192.168.0.2");

        act.Should().Throw<InvalidTopologyException>().WithMessage(expected);
    }

    [Theory]
    [InlineData("192.168.0.300")]
    [InlineData("192.168.0.2/24")]
    [InlineData("")]
    public void Given_a_bad_address_text_When_parsed_Then_the_error_shows_the_form(string address)
    {
        var act = () => SubnetPlan.Parse("192.168.0.0/24", "192.168.0.1", address);

        act.Should().Throw<InvalidTopologyException>().WithMessage("*is not an IP address*");
    }

    [Fact]
    public void Given_an_ipv6_plan_in_the_ipv4_slot_When_validated_Then_the_family_is_named()
    {
        var topology = new LabTopology { Links = [new LinkSpec { Ipv4 = SubnetPlan.Parse("fd00::/64", "fd00::1", "fd00::2") }] };

        var act = () => topology.Validate();

        act.Should().Throw<InvalidTopologyException>().WithMessage("*link 0 IPv4: subnet fd00::/64 is not an IPv4 subnet*");
    }

    [Fact]
    public void Given_a_link_with_an_ipv6_plan_alone_When_validated_Then_it_is_an_ipv6_only_link()
    {
        var topology = new LabTopology { Links = [new LinkSpec { Ipv6 = SubnetPlan.Parse("2001:db8::/64", "2001:db8::1", "2001:db8::2") }] }.Validate();

        topology.Links[0].Ipv4.Should().BeNull();
        topology.Links[0].Ipv6!.NodeAddress.ToString().Should().Be("2001:db8::2");
    }

    [Fact]
    public void Given_a_link_or_vlan_without_any_plan_When_validated_Then_the_error_names_it_and_asks_for_a_family()
    {
        var noLinkPlan = () => new LabTopology { Links = [Link("192.168.0.0/24", "192.168.0.1", "192.168.0.2"), new LinkSpec()] }.Validate();
        var noVlanPlan = () => new LabTopology { Links = [Link("192.168.0.0/24", "192.168.0.1", "192.168.0.2") with { Vlans = [new VlanSpec { Id = 10 }] }] }.Validate();

        noLinkPlan.Should().Throw<InvalidTopologyException>().WithMessage("*link 1 has neither an IPv4 nor an IPv6 subnet plan; give it an IPv4 one, an IPv6 one, or both*");
        noVlanPlan.Should().Throw<InvalidTopologyException>().WithMessage("*link 0 VLAN 10 has neither an IPv4 nor an IPv6 subnet plan*");
    }

    [Fact]
    public void Given_a_node_with_two_addresses_When_validated_Then_both_are_kept_in_order()
    {
        var topology = new LabTopology { Links = [Link("192.168.0.0/24", "192.168.0.1", "192.168.0.2", "192.168.0.3")] }.Validate();

        topology.Links[0].Ipv4!.NodeAddresses.Select(a => a.ToString()).Should().Equal("192.168.0.2", "192.168.0.3");
        topology.Links[0].Ipv4!.InterfaceAddress(topology.Links[0].Ipv4!.NodeAddresses[1]).Should().Be("192.168.0.3/24");
    }

    [Fact]
    public void Given_a_node_without_address_When_validated_Then_the_error_asks_for_one()
    {
        var act = () => new LabTopology { Links = [Link("192.168.0.0/24", "192.168.0.1")] }.Validate();

        act.Should().Throw<InvalidTopologyException>().WithMessage("*node has no address*");
    }
}
