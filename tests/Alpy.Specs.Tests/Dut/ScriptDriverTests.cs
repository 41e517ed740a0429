using System.Net;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Dut.Sharing;
using Alpy.Specs.Steps.Values;
using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Dut;

public sealed class ScriptDriverTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_each_verb_When_applied_Then_the_program_gets_it_and_its_arguments_each_quoted()
    {
        var console = new RecordingConsole();
        var driver = new ScriptDriver(console, "/mnt/share/alpy-dut");

        await driver.SetForwardingAsync(false, Token);
        await driver.FilterAsync(new FilterRule(FilterAction.Reject, new TrafficSelector(TrafficProtocol.Udp, Port.Of(53), new DutPort(0), new DutPort(1, 10))), Token);
        await driver.RerouteAsync(new RerouteRule(TrafficProtocol.Tcp, Port.Of(80), IPAddress.Parse("192.168.1.2"), Port.Of(88)), Token);
        await driver.MasqueradeAsync(new MasqueradeRule(new DutPort(1)), Token);
        await driver.LimitAsync(new RateLimitRule(new DutPort(1), Rate.Parse("2", "Mbit/s")), Token);
        await driver.BalanceAsync(new BalanceRule(TrafficProtocol.Tcp, IPAddress.Parse("192.168.1.100"), Port.Of(80),
            [new Backend(IPAddress.Parse("192.168.1.2"), 3), new Backend(IPAddress.Parse("192.168.1.3"), 1)]), Token);

        console.Commands.Should().Equal(
            "'/mnt/share/alpy-dut' 'forward' 'off'",
            "'/mnt/share/alpy-dut' 'filter' 'reject' 'udp' '53' '0' '1.10' 'new' 'both'",
            "'/mnt/share/alpy-dut' 'reroute' 'tcp' '80' '192.168.1.2' '88'",
            "'/mnt/share/alpy-dut' 'masquerade' '1'",
            "'/mnt/share/alpy-dut' 'limit' '1' '2000'",
            "'/mnt/share/alpy-dut' 'balance' 'tcp' '192.168.1.100' '80' '192.168.1.2=3' '192.168.1.3=1'");
    }

    [Theory]
    [InlineData("relative/alpy-dut")]
    [InlineData("/mnt/share/../../bin/sh")]
    [InlineData("/mnt/share/x;reboot")]
    [InlineData("/mnt/share/$(id)")]
    [InlineData("/mnt/share/with space")]
    public void Given_an_unsafe_program_path_When_the_driver_is_made_Then_it_is_refused(string path) =>
        FluentActions.Invoking(() => new ScriptDriver(new RecordingConsole(), path)).Should().Throw<ArgumentException>().WithMessage("*absolute path*");

    [Fact]
    public async Task Given_rules_that_name_a_family_When_applied_by_the_script_driver_Then_the_last_word_names_it()
    {
        var console = new RecordingConsole();
        var driver = new ScriptDriver(console, "/mnt/share/alpy-dut");

        await driver.FilterAsync(new FilterRule(FilterAction.Drop, TrafficSelector.Parse("IPv6 TCP port 22")), Token);
        await driver.FilterAsync(new FilterRule(FilterAction.Drop, TrafficSelector.Parse("IPv4 ICMP"), RepliesIncluded: true), Token);

        console.Commands.Should().Equal(
            "'/mnt/share/alpy-dut' 'filter' 'drop' 'tcp' '22' '-' '-' 'new' 'ipv6'",
            "'/mnt/share/alpy-dut' 'filter' 'drop' 'icmp' '-' '-' '-' 'every' 'ipv4'");
    }
}
