using System.Collections.Immutable;
using System.Net;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Values;
using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Dut;

public sealed class RabbitNftDriverTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Rule(RecordingConsole console) =>
        console.Commands.Should().ContainSingle().Which.Should().StartWith("nft '" + RabbitNftDriver.Setup + "; ").And.EndWith("'")
            .And.Subject[("nft '" + RabbitNftDriver.Setup + "; ").Length..^1];

    [Fact]
    public async Task Given_a_drop_rule_for_a_TCP_port_between_links_When_applied_Then_one_quoted_nft_line_names_the_interfaces_and_port()
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).FilterAsync(new FilterRule(FilterAction.Drop,
            new TrafficSelector(TrafficProtocol.Tcp, Port.Of(8080), new DutPort(0), new DutPort(1))), Token);

        Rule(console).Should().Be("add rule inet alpy forward ct state != { established, related } iifname \"eth0\" oifname \"eth1\" tcp dport 8080 drop");
    }

    [Theory]
    [InlineData(TrafficProtocol.Tcp, "meta l4proto tcp reject with tcp reset")]
    [InlineData(TrafficProtocol.Udp, "meta l4proto udp reject with icmpx type port-unreachable")]
    [InlineData(TrafficProtocol.Icmp, "meta l4proto { icmp, ipv6-icmp } reject with icmpx type port-unreachable")]
    public async Task Given_a_reject_rule_When_applied_Then_TCP_gets_a_reset_and_the_rest_an_ICMP_port_unreachable(TrafficProtocol protocol, string expected)
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).FilterAsync(new FilterRule(FilterAction.Reject, new TrafficSelector(protocol)), Token);

        Rule(console).Should().Be("add rule inet alpy forward ct state != { established, related } " + expected);
    }

    [Fact]
    public async Task Given_a_stateless_rule_When_applied_Then_it_matches_every_packet_without_the_conntrack_state()
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).FilterAsync(new FilterRule(FilterAction.Drop,
            new TrafficSelector(TrafficProtocol.Icmp, null, new DutPort(1), new DutPort(0)), RepliesIncluded: true), Token);

        Rule(console).Should().Be("add rule inet alpy forward iifname \"eth1\" oifname \"eth0\" meta l4proto { icmp, ipv6-icmp } drop");
    }

    [Fact]
    public async Task Given_a_rule_between_VLANs_When_applied_Then_it_names_the_VLAN_sub_interfaces()
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).FilterAsync(new FilterRule(FilterAction.Drop,
            new TrafficSelector(null, null, new DutPort(1, 10), new DutPort(1, 20))), Token);

        Rule(console).Should().Be("add rule inet alpy forward ct state != { established, related } iifname \"eth1.10\" oifname \"eth1.20\" drop");
    }

    [Fact]
    public async Task Given_a_reroute_When_applied_Then_it_is_a_dnat_in_prerouting()
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).RerouteAsync(new RerouteRule(TrafficProtocol.Udp, Port.Of(53), IPAddress.Parse("192.168.1.2"), Port.Of(5353)), Token);

        Rule(console).Should().Be("add rule inet alpy_nat prerouting meta nfproto ipv4 udp dport 53 dnat ip to 192.168.1.2:5353");
    }

    [Fact]
    public async Task Given_a_reroute_to_an_IPv6_address_When_applied_Then_it_rewrites_IPv6_traffic_only()
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).RerouteAsync(new RerouteRule(TrafficProtocol.Tcp, Port.Of(80), IPAddress.Parse("2001:db8:1::2"), Port.Of(88)), Token);

        Rule(console).Should().Be("add rule inet alpy_nat prerouting meta nfproto ipv6 tcp dport 80 dnat ip6 to [2001:db8:1::2]:88");
    }

    [Theory]
    [InlineData("IPv4 TCP port 22 from link 0 to link 1", "meta nfproto ipv4 iifname \"eth0\" oifname \"eth1\" tcp dport 22 drop")]
    [InlineData("IPv6 ICMP", "meta nfproto ipv6 meta l4proto ipv6-icmp drop")]
    [InlineData("IPv4 ICMP", "meta nfproto ipv4 meta l4proto icmp drop")]
    [InlineData("TCP port 22", "tcp dport 22 drop")]
    public async Task Given_a_rule_with_or_without_a_family_When_applied_Then_it_names_that_family_or_covers_both(string traffic, string expected)
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).FilterAsync(new FilterRule(FilterAction.Drop, TrafficSelector.Parse(traffic)), Token);

        Rule(console).Should().Be("add rule inet alpy forward ct state != { established, related } " + expected);
    }

    [Fact]
    public async Task Given_weights_3_and_1_When_balancing_Then_four_counter_values_map_three_to_the_first_backend()
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).BalanceAsync(new BalanceRule(TrafficProtocol.Tcp, IPAddress.Parse("192.168.1.100"), Port.Of(80),
            [new Backend(IPAddress.Parse("192.168.1.2"), 3), new Backend(IPAddress.Parse("192.168.1.3"), 1)]), Token);

        Rule(console).Should().Be("add rule inet alpy_nat prerouting ip daddr 192.168.1.100 tcp dport 80 dnat ip to numgen inc mod 4 map { 0-2 : 192.168.1.2, 3 : 192.168.1.3 }");
    }

    [Fact]
    public async Task Given_IPv6_backends_When_balancing_Then_the_rule_matches_and_rewrites_IPv6()
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).BalanceAsync(new BalanceRule(TrafficProtocol.Tcp, IPAddress.Parse("2001:db8:1::100"), Port.Of(80),
            [new Backend(IPAddress.Parse("2001:db8:1::2"), 1), new Backend(IPAddress.Parse("2001:db8:1::3"), 1)]), Token);

        Rule(console).Should().Be("add rule inet alpy_nat prerouting ip6 daddr 2001:db8:1::100 tcp dport 80 dnat ip6 to numgen inc mod 2 map { 0 : 2001:db8:1::2, 1 : 2001:db8:1::3 }");
    }

    [Fact]
    public async Task Given_masquerade_and_a_rate_limit_When_applied_Then_they_go_to_postrouting_and_a_tbf_qdisc()
    {
        var console = new RecordingConsole();
        var driver = new RabbitNftDriver(console);

        await driver.MasqueradeAsync(new MasqueradeRule(new DutPort(1)), Token);
        await driver.LimitAsync(new RateLimitRule(new DutPort(1, 10), Rate.Parse("2", "Mbit/s")), Token);

        console.Commands[0].Should().EndWith("; add rule inet alpy_nat postrouting oifname \"eth1\" masquerade'");
        console.Commands[1].Should().Be("tc qdisc replace dev eth1.10 root tbf rate 2000kbit burst 25000 latency 200ms");
    }

    [Fact]
    public async Task Given_forwarding_off_When_applied_Then_both_IPv4_and_IPv6_forwarding_are_switched_off()
    {
        var console = new RecordingConsole();

        await new RabbitNftDriver(console).SetForwardingAsync(false, Token);

        console.Commands.Should().ContainSingle().Which.Should().Be("echo 0 > /proc/sys/net/ipv4/ip_forward && echo 0 > /proc/sys/net/ipv6/conf/all/forwarding");
    }

    [Fact]
    public async Task Given_an_nft_rule_line_When_a_POSIX_shell_splits_it_Then_nft_gets_the_whole_script_as_one_argument()
    {
        var console = new RecordingConsole();
        await new RabbitNftDriver(console).FilterAsync(new FilterRule(FilterAction.Drop, new TrafficSelector(TrafficProtocol.Tcp, Port.Of(80))), Token);

        var arguments = await PosixShell.ArgumentsOfAsync(console.Commands[0], "nft");

        arguments.Should().ContainSingle().Which.Should().Be(RabbitNftDriver.Setup + "; add rule inet alpy forward ct state != { established, related } tcp dport 80 drop");
    }

    [Fact]
    public async Task Given_the_DUT_refuses_a_rule_When_applied_Then_the_error_names_the_rule_the_command_and_the_output()
    {
        var console = new RecordingConsole(exitCode: 1, output: "Error: Could not process rule: No such file or directory");

        var apply = () => new RabbitNftDriver(console).FilterAsync(new FilterRule(FilterAction.Drop, new TrafficSelector(TrafficProtocol.Icmp)), Token);

        var error = (await apply.Should().ThrowAsync<DutConfigurationException>()).Which;
        error.Message.Should().Contain("did not accept \"drop ICMP\"").And.Contain("exited with 1").And.Contain("nft '").And.Contain("No such file or directory");
    }
}
