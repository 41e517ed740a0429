using Alpy.Lab.Dut;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Tests.Dut;

public sealed class DutProfileTests
{
    private static readonly DutProfile Profile = new()
    {
        Name = "rabbit", Kernel = "/k", Initrd = "/i", Append = "console=ttyS0 quiet",
        ReadyPattern = "rabbit: ready", Prompt = "rabbit# ", ResetCommand = "rabbit-reset",
    };

    [Fact]
    public void Given_two_links_When_the_command_line_is_made_Then_the_address_plan_follows_link_order()
    {
        Profile.CommandLine(LabTopology.WithLinks(2)).Should().Be("console=ttyS0 quiet rabbit.addr=192.168.0.1/24,192.168.1.1/24");
    }

    [Fact]
    public void Given_ipv6_and_vlans_When_the_command_line_is_made_Then_rabbit_addr_joins_families_and_rabbit_vlan_lists_each_vlan()
    {
        var topology = LabTopology.WithLinks(2, ipv6: true);
        topology = topology with
        {
            Links = [topology.Links[0] with { Vlans = [new VlanSpec { Id = 10, Ipv4 = SubnetPlan.Parse("10.10.0.0/24", "10.10.0.1", "10.10.0.2") }] }, topology.Links[1]],
        };

        var arguments = Profile.AddressPlanArguments(topology).ToList();

        arguments.Should().Equal(
            "rabbit.addr=192.168.0.1/24+2001:db8::1/64,192.168.1.1/24+2001:db8:1::1/64",
            "rabbit.vlan=0.10=10.10.0.1/24");
    }

    [Fact]
    public void Given_an_ipv6_only_link_and_vlan_When_the_command_line_is_made_Then_they_carry_their_ipv6_address_alone()
    {
        var topology = new LabTopology
        {
            Links = [LabTopology.WithLinks(1).Links[0], new LinkSpec
            {
                Ipv6 = SubnetPlan.Parse("2001:db8:1::/64", "2001:db8:1::1", "2001:db8:1::2"),
                Vlans = [new VlanSpec { Id = 20, Ipv6 = SubnetPlan.Parse("2001:db8:20::/64", "2001:db8:20::1", "2001:db8:20::2") }],
            }],
        };

        Profile.AddressPlanArguments(topology.Validate()).Should().Equal(
            "rabbit.addr=192.168.0.1/24,2001:db8:1::1/64",
            "rabbit.vlan=1.20=2001:db8:20::1/64");
    }

    [Fact]
    public void Given_a_profile_whose_kernel_is_missing_When_validated_Then_the_error_says_how_to_build_it()
    {
        var act = () => Profile.Validate();

        act.Should().Throw<LabException>().WithMessage("*kernel '/k' does not exist*dut/rabbit/build*");
    }
}
