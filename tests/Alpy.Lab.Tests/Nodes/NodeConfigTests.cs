using Alpy.Lab.Nodes;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Tests.Nodes;

public sealed class NodeConfigTests
{
    [Fact]
    public void Given_an_ipv4_plan_with_two_addresses_When_the_batch_is_made_Then_both_are_added_and_the_DUT_is_the_gateway()
    {
        var batch = NodeConfig.Batch("alpyabc123t0", SubnetPlan.Parse("192.168.0.0/24", "192.168.0.1", "192.168.0.2", "192.168.0.3"), null);

        batch.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "link set dev alpyabc123t0 up",
            "address add 192.168.0.2/24 dev alpyabc123t0",
            "address add 192.168.0.3/24 dev alpyabc123t0",
            "route add default via 192.168.0.1");
    }

    [Fact]
    public void Given_an_ipv6_plan_When_the_batch_is_made_Then_addresses_skip_DAD_the_further_ones_are_no_source_and_a_v6_default_route_is_added()
    {
        var batch = NodeConfig.Batch("t", SubnetPlan.Parse("192.168.0.0/24", "192.168.0.1", "192.168.0.2"),
            SubnetPlan.Parse("2001:db8::/64", "2001:db8::1", "2001:db8::2", "2001:db8::3"));

        batch.Should().Contain("address add 2001:db8::2/64 dev t nodad\n")
            .And.Contain("address add 2001:db8::3/64 dev t nodad preferred_lft 0\n", "IPv6 would take the newest address as the source")
            .And.Contain("route add ::/0 via 2001:db8::1\n");
    }

    [Fact]
    public void Given_an_ipv6_plan_alone_When_the_batch_is_made_Then_the_node_gets_its_ipv6_address_and_an_ipv6_default_route_only()
    {
        var batch = NodeConfig.Batch("t", null, SubnetPlan.Parse("2001:db8:1::/64", "2001:db8:1::1", "2001:db8:1::2"));

        batch.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "link set dev t up",
            "address add 2001:db8:1::2/64 dev t nodad",
            "route add ::/0 via 2001:db8:1::1");
    }

    [Fact]
    public void Given_the_node_script_Then_it_holds_no_value_of_a_topology()
    {
        NodeConfig.Script.Should().NotContain("192.").And.Contain("/sbin/ip -batch /alpy/node.batch").And.Contain("exec cat");
    }
}
