using Reqnroll;
using Alpy.Specs.Steps.Topology;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Tests.Topology;

public sealed class TopologyTableTests
{
    private static DataTable Table(params string[][] rows)
    {
        var table = new DataTable(rows[0]);
        foreach (var row in rows.Skip(1))
            table.AddRow(row);
        return table;
    }

    [Fact]
    public void Given_two_links_and_two_VLANs_When_parsed_Then_the_lab_topology_has_them_in_order()
    {
        var table = Table(
            ["link", "vlan", "network", "DUT address", "hosts"],
            ["1", "", "192.168.1.0/24", "192.168.1.1", "192.168.1.2 192.168.1.3"],
            ["0", "", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"],
            ["1", "10", "192.168.10.0/24", "192.168.10.1", "192.168.10.2"]);

        var topology = TopologyTable.Parse(table);

        topology.Links.Should().HaveCount(2);
        topology.Links[0].Ipv4!.DutAddress.ToString().Should().Be("192.168.0.1");
        topology.Links[1].Ipv4!.NodeAddresses.Select(a => a.ToString()).Should().Equal("192.168.1.2", "192.168.1.3");
        topology.Links[1].Vlans.Should().ContainSingle().Which.Id.Should().Be(10);
    }

    [Fact]
    public void Given_IPv6_rows_beside_the_IPv4_ones_When_parsed_Then_those_links_and_VLANs_are_dual_stack_and_the_others_IPv4_only()
    {
        var table = Table(
            ["link", "vlan", "network", "DUT address", "hosts"],
            ["0", "", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"],
            ["0", "", "2001:db8:0::/64", "2001:db8:0::1", "[2001:db8:0::2]"],
            ["1", "", "192.168.1.0/24", "192.168.1.1", "192.168.1.2"],
            ["1", "10", "192.168.10.0/24", "192.168.10.1", "192.168.10.2"],
            ["1", "10", "2001:db8:10::/64", "2001:db8:10::1", "2001:db8:10::2 2001:db8:10::3"]);

        var topology = TopologyTable.Parse(table);

        topology.Links[0].Ipv6!.DutInterfaceAddress.Should().Be("2001:db8::1/64");
        topology.Links[0].Ipv6!.NodeAddress.ToString().Should().Be("2001:db8::2");
        topology.Links[1].Ipv6.Should().BeNull("link 1 has no IPv6 row");
        topology.Links[1].Vlans.Single().Ipv6!.NodeAddresses.Should().HaveCount(2);
        TopologyKey.Of(topology).Should().Contain("2001:db8:10::/64", "an IPv6 plan makes another lab than the same IPv4 plan alone");
    }

    [Theory]
    [InlineData("2001:db8:1::/64", "2001:db8:1::1", "2001:db8:1::g", "Row 3 of the links table", "\"2001:db8:1::g\" is not an IPv6 address")]
    [InlineData("2001:db8:1::/64", "2001:db8:1::1", "fe80::2%eth0", "Row 3 of the links table", "zone index")]
    [InlineData("2001:db8:1::/64", "192.168.1.1", "2001:db8:1::2", "The DUT address 192.168.1.1 is IPv4 but the network 2001:db8:1::/64 is IPv6", "a row of its own")]
    [InlineData("2001:db8:1::/129", "2001:db8:1::1", "2001:db8:1::2", "\"2001:db8:1::/129\" is not an IPv6 network", "0 to 128")]
    [InlineData("2001:db8:1::/64", "2001:db8:1::1", "2001:db8:2::2", "outside subnet 2001:db8:1::/64", "link 1 IPv6")]
    [InlineData("2001:db8::/32", "2001:db8::1", "2001:db8::2", "overlaps", "2001:db8::/64")]
    public void Given_a_bad_IPv6_row_When_parsed_Then_the_error_quotes_the_value_and_says_what_to_write(string network, string dut, string host, string expected, string more)
    {
        var table = Table(
            ["link", "network", "DUT address", "hosts"],
            ["0", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"],
            ["0", "2001:db8:0::/64", "2001:db8:0::1", "2001:db8:0::2"],
            ["1", network, dut, host],
            ["1", "192.168.1.0/24", "192.168.1.1", "192.168.1.2"]);

        FluentActions.Invoking(() => TopologyTable.Parse(table)).Should().Throw<StepValueException>().Which.Message.Should().Contain(expected).And.Contain(more);
    }

    [Fact]
    public void Given_a_link_and_a_VLAN_with_an_IPv6_row_only_When_parsed_Then_they_are_IPv6_only_and_keyed_apart_from_dual_stack()
    {
        string[][] ipv6Only =
        [
            ["link", "vlan", "network", "DUT address", "hosts"],
            ["0", "", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"],
            ["1", "", "2001:db8:1::/64", "2001:db8:1::1", "2001:db8:1::2"],
            ["1", "10", "2001:db8:10::/64", "2001:db8:10::1", "2001:db8:10::2"],
        ];

        var topology = TopologyTable.Parse(Table(ipv6Only));

        topology.Links[0].Ipv6.Should().BeNull("link 0 has an IPv4 row only");
        topology.Links[1].Ipv4.Should().BeNull("link 1 has an IPv6 row only");
        topology.Links[1].Ipv6!.DutInterfaceAddress.Should().Be("2001:db8:1::1/64");
        topology.Links[1].Vlans.Single().Ipv4.Should().BeNull("VLAN 10 has an IPv6 row only");
        topology.Links[1].Vlans.Single().Ipv6!.NodeAddress.ToString().Should().Be("2001:db8:10::2");
        var dualStack = TopologyTable.Parse(Table([.. ipv6Only, ["1", "", "192.168.1.0/24", "192.168.1.1", "192.168.1.2"]]));
        TopologyKey.Of(topology).Should().NotBe(TopologyKey.Of(dualStack), "adding IPv4 to a link makes another lab");
    }

    [Fact]
    public void Given_two_IPv6_rows_for_one_link_When_parsed_Then_the_error_asks_for_one_row_per_family() =>
        FluentActions.Invoking(() => TopologyTable.Parse(Table(["link", "network", "DUT address", "hosts"],
                ["0", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"], ["0", "2001:db8::/64", "2001:db8::1", "2001:db8::2"], ["0", "2001:db8:9::/64", "2001:db8:9::1", "2001:db8:9::2"])))
            .Should().Throw<StepValueException>().Which.Message.Should().Contain("Row 3 of the links table: link 0 has an IPv6 row already");

    [Fact]
    public void Given_the_same_table_twice_When_keyed_Then_the_keys_are_equal_and_differ_from_another_plan()
    {
        string[][] rows = [["link", "network", "DUT address", "hosts"], ["0", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"]];
        string[][] other = [["link", "network", "DUT address", "hosts"], ["0", "192.168.0.0/24", "192.168.0.1", "192.168.0.3"]];

        TopologyKey.Of(TopologyTable.Parse(Table(rows))).Should().Be(TopologyKey.Of(TopologyTable.Parse(Table(rows))));
        TopologyKey.Of(TopologyTable.Parse(Table(rows))).Should().NotBe(TopologyKey.Of(TopologyTable.Parse(Table(other))));
    }

    [Theory]
    [InlineData("192.168.1.0/33", "", "Row 2 of the links table")]
    [InlineData("192.168.1.0", "", "ADDRESS/PREFIX")]
    [InlineData("192.168.1.0/24", "192.168.9.9", "outside subnet")]
    [InlineData("192.168.1.0/24", "192.168.1.300", "\"192.168.1.300\" is not an IPv4 address")]
    [InlineData("192.168.0.0/16", "", "overlaps")]
    public void Given_a_bad_value_in_a_row_When_parsed_Then_the_error_names_the_row_and_the_value(string network, string host, string expected)
    {
        var table = Table(
            ["link", "network", "DUT address", "hosts"],
            ["0", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"],
            ["1", network, "192.168.1.1", host.Length > 0 ? host : "192.168.1.2"]);

        FluentActions.Invoking(() => TopologyTable.Parse(table)).Should().Throw<StepValueException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Given_a_gap_in_the_link_numbers_When_parsed_Then_the_error_names_the_missing_link() =>
        FluentActions.Invoking(() => TopologyTable.Parse(Table(
                ["link", "network", "DUT address", "hosts"],
                ["0", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"],
                ["2", "192.168.2.0/24", "192.168.2.1", "192.168.2.2"])))
            .Should().Throw<StepValueException>().WithMessage("*no link 1*without gaps*");

    [Fact]
    public void Given_an_unknown_column_When_parsed_Then_the_error_lists_the_columns() =>
        FluentActions.Invoking(() => TopologyTable.Parse(Table(["link", "subnet", "DUT address", "hosts"], ["0", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"])))
            .Should().Throw<StepValueException>().WithMessage("*unknown column \"subnet\"*\"network\"*");

    [Fact]
    public void Given_VLAN_rows_without_the_links_own_row_When_parsed_Then_the_error_asks_for_it() =>
        FluentActions.Invoking(() => TopologyTable.Parse(Table(
                ["link", "vlan", "network", "DUT address", "hosts"],
                ["0", "10", "192.168.10.0/24", "192.168.10.1", "192.168.10.2"])))
            .Should().Throw<StepValueException>().WithMessage("*no row for the link itself*");

    [Fact]
    public void Given_a_link_number_beyond_the_lab_limit_When_parsed_Then_the_error_names_it() =>
        FluentActions.Invoking(() => TopologyTable.Parse(Table(["link", "network", "DUT address", "hosts"], ["99", "192.168.0.0/24", "192.168.0.1", "192.168.0.2"])))
            .Should().Throw<StepValueException>().WithMessage("*Row 1*\"link 99\" is not a link*");
}
