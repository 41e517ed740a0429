using System.Net;
using Alpy.Specs.Steps.Traffic;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Tests.Traffic;

public sealed class TrafficCommandsTests
{
    private static readonly IPAddress Server = IPAddress.Parse("192.168.1.2");

    [Fact]
    public void Given_a_message_with_shell_metacharacters_When_sent_Then_it_is_one_argv_element_of_a_fixed_script()
    {
        const string message = "$(reboot); `id` | rm -rf / 'x' \"y\"";

        var argv = TrafficCommands.Ask(TrafficProtocol.Udp, Server, Port.Of(7), TimeSpan.FromSeconds(2), message);

        argv.Should().Equal("alpy-ask", "udp", "192.168.1.2", "7", "2", message);
    }

    [Fact]
    public void Given_a_ping_with_a_TTL_When_built_Then_it_is_numeric_iputils_ping_with_count_wait_and_ttl() =>
        TrafficCommands.Ping(Server, 3, 1, TimeSpan.FromSeconds(1.2)).Should().Equal("/usr/bin/ping", "-n", "-c", "3", "-W", "2", "-t", "1", "192.168.1.2");

    [Fact]
    public void Given_servers_and_clients_When_built_Then_every_value_is_a_separate_element()
    {
        TrafficCommands.Connect(Server, Port.Of(81), TimeSpan.FromSeconds(2)).Should().Equal("socat", "-u", "OPEN:/dev/null", "TCP:192.168.1.2:81,connect-timeout=2");
        TrafficCommands.EchoServer(TrafficProtocol.Tcp, IPAddress.Any, Port.Of(88)).Should().Equal("alpy-echo-server", "tcp", "0.0.0.0", "88");
        TrafficCommands.HttpServer(Server, Port.Of(80), "backend A; $(x)").Should().Equal("alpy-http-server", "192.168.1.2", "80", "backend A; $(x)");
        TrafficCommands.HttpGet(8, Server, Port.Of(80), TimeSpan.FromSeconds(2)).Should().Equal("alpy-http-get", "8", "192.168.1.2", "80", "2");
        TrafficCommands.ThroughputClient(Server, Port.Of(5201), 3, TimeSpan.FromSeconds(2))
            .Should().Equal("iperf3", "-c", "192.168.1.2", "-p", "5201", "-t", "3", "-J", "--connect-timeout", "2000");
    }

    [Fact]
    public void Given_an_IPv6_address_When_commands_are_built_Then_socket_addresses_carry_it_in_brackets_and_ping_and_iperf3_take_it_plain()
    {
        var server = IPAddress.Parse("2001:db8:1::2");

        TrafficCommands.Connect(server, Port.Of(22), TimeSpan.FromSeconds(2)).Should().Equal("socat", "-u", "OPEN:/dev/null", "TCP:[2001:db8:1::2]:22,connect-timeout=2");
        TrafficCommands.Ask(TrafficProtocol.Udp, server, Port.Of(7), TimeSpan.FromSeconds(2), "hi").Should().Equal("alpy-ask", "udp", "[2001:db8:1::2]", "7", "2", "hi");
        TrafficCommands.HttpGet(1, server, Port.Of(80), TimeSpan.FromSeconds(2)).Should().Equal("alpy-http-get", "1", "[2001:db8:1::2]", "80", "2");
        TrafficCommands.HttpServer(IPAddress.IPv6Any, Port.Of(80), "A").Should().Equal("alpy-http-server", "[::]", "80", "A");
        TrafficCommands.EchoServer(TrafficProtocol.Tcp, IPAddress.IPv6Any, Port.Of(7)).Should().Equal("alpy-echo-server", "tcp", "::", "7");
        TrafficCommands.Ping(server, 1, 1, TimeSpan.FromSeconds(2)).Should().Equal("/usr/bin/ping", "-n", "-c", "1", "-W", "2", "-t", "1", "2001:db8:1::2");
        TrafficCommands.ThroughputServer(server, Port.Of(5201)).Should().Equal("iperf3", "-s", "-1", "-B", "2001:db8:1::2", "-p", "5201");
    }

    [Fact]
    public void Given_ICMP_When_a_message_is_to_be_sent_Then_the_error_says_to_use_TCP_UDP_or_ping() =>
        FluentActions.Invoking(() => TrafficCommands.Ask(TrafficProtocol.Icmp, Server, Port.Of(7), TimeSpan.FromSeconds(2), "x"))
            .Should().Throw<StepValueException>().WithMessage("*TCP or UDP, or ping*");

    [Fact]
    public void Given_the_traffic_image_When_its_recipe_is_read_Then_every_script_is_an_executable_file_in_usr_local_bin()
    {
        var scripts = TrafficImage.Recipe.GeneratedFiles.Where(f => f.Path.StartsWith(TrafficImage.ScriptDirectory + "/alpy-", StringComparison.Ordinal)).ToList();

        scripts.Select(s => s.Path[(TrafficImage.ScriptDirectory.Length + 1)..]).Should().BeEquivalentTo(TrafficImage.ScriptNames);
        foreach (var script in scripts)
        {
            script.Mode.Should().HaveFlag(UnixFileMode.OtherExecute, script.Path);
            System.Text.Encoding.UTF8.GetString(script.Content.ToArray()).Should().StartWith("#!/bin/sh\n", script.Path);
        }

        TrafficImage.Recipe.Validate();
    }
}
