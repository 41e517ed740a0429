using System.Net;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Dut.Mutants;
using Alpy.Specs.Steps.Values;
using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Dut;

public sealed class MutantDriverTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_no_mutant_When_rules_are_applied_Then_the_real_driver_gets_them_unchanged()
    {
        var console = new RecordingConsole();
        var driver = new MutantDriver(new RabbitNftDriver(console), DutMutant.None);

        await driver.FilterAsync(new FilterRule(FilterAction.Drop, new TrafficSelector(TrafficProtocol.Icmp)), Token);
        await driver.RerouteAsync(new RerouteRule(TrafficProtocol.Tcp, Port.Of(80), IPAddress.Parse("192.168.1.2"), Port.Of(88)), Token);

        console.Commands.Should().HaveCount(2);
        console.Commands[1].Should().Contain("dnat ip to 192.168.1.2:88");
    }

    [Fact]
    public async Task Given_every_mutant_When_rules_are_applied_Then_each_is_wrong_in_its_own_way()
    {
        var console = new RecordingConsole();
        var driver = new MutantDriver(new RabbitNftDriver(console), DutMutants.All);

        await driver.FilterAsync(new FilterRule(FilterAction.Drop, new TrafficSelector(TrafficProtocol.Icmp)), Token);
        await driver.SetForwardingAsync(false, Token);
        await driver.MasqueradeAsync(new MasqueradeRule(new DutPort(1)), Token);
        await driver.LimitAsync(new RateLimitRule(new DutPort(1), Rate.Parse("1", "Mbit/s")), Token);
        await driver.RerouteAsync(new RerouteRule(TrafficProtocol.Tcp, Port.Of(80), IPAddress.Parse("192.168.1.2"), Port.Of(88)), Token);
        await driver.BalanceAsync(new BalanceRule(TrafficProtocol.Tcp, IPAddress.Parse("192.168.1.100"), Port.Of(80),
            [new Backend(IPAddress.Parse("192.168.1.2"), 1), new Backend(IPAddress.Parse("192.168.1.3"), 1)]), Token);

        console.Commands.Should().HaveCount(2, "filters, forwarding off, masquerade and limits are dropped");
        console.Commands[0].Should().Contain("dnat ip to 192.168.1.2:89");
        console.Commands[1].Should().Contain("map { 0 : 192.168.1.2 }");
    }

    [Fact]
    public async Task Given_the_stateless_filters_mutant_When_a_filter_rule_is_applied_Then_it_loses_its_conntrack_state_and_the_rest_is_unchanged()
    {
        var console = new RecordingConsole();
        var driver = new MutantDriver(new RabbitNftDriver(console), DutMutant.StatelessFilters);

        await driver.FilterAsync(new FilterRule(FilterAction.Drop, new TrafficSelector(TrafficProtocol.Icmp, null, new DutPort(1), new DutPort(0))), Token);
        await driver.MasqueradeAsync(new MasqueradeRule(new DutPort(1)), Token);

        console.Commands.Should().HaveCount(2);
        console.Commands[0].Should().EndWith("add rule inet alpy forward iifname \"eth1\" oifname \"eth0\" meta l4proto { icmp, ipv6-icmp } drop'")
            .And.NotContain("ct state", "the rule now also stops the replies of flows link 0 started");
        console.Commands[1].Should().Contain("masquerade");
    }

    [Fact]
    public async Task Given_the_forget_IPv6_mutant_When_filter_rules_are_applied_Then_a_rule_for_both_families_covers_IPv4_only_and_one_for_IPv6_is_kept()
    {
        var console = new RecordingConsole();
        var driver = new MutantDriver(new RabbitNftDriver(console), DutMutant.ForgetIpv6);

        await driver.FilterAsync(new FilterRule(FilterAction.Drop, TrafficSelector.Parse("TCP port 22")), Token);
        await driver.FilterAsync(new FilterRule(FilterAction.Drop, TrafficSelector.Parse("IPv6 TCP port 22")), Token);

        console.Commands.Should().HaveCount(2);
        console.Commands[0].Should().EndWith("meta nfproto ipv4 tcp dport 22 drop'", "the classic hole: IPv6 is left open");
        console.Commands[1].Should().EndWith("meta nfproto ipv6 tcp dport 22 drop'", "a rule that names IPv6 is what the tester wrote");
    }

    [Fact]
    public void Given_mutant_names_When_parsed_Then_all_and_lists_work_and_unknown_names_are_listed()
    {
        DutMutants.Parse("all").Should().Be(DutMutants.All);
        DutMutants.Parse("ignore-filters, no-rate-limit").Should().Be(DutMutant.IgnoreFilters | DutMutant.NoRateLimit);
        DutMutants.Parse("stateless-filters").Should().Be(DutMutant.StatelessFilters);
        DutMutants.Parse("forget-ipv6").Should().Be(DutMutant.ForgetIpv6);
        DutMutants.Parse("").Should().Be(DutMutant.None);
        FluentActions.Invoking(() => DutMutants.Parse("drop-everything")).Should().Throw<FormatException>().WithMessage("*\"drop-everything\"*ignore-filters*");
    }
}
