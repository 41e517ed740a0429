using System.Net;
using Alpy.Lab.Apps;
using Reqnroll;
using Alpy.Specs.Steps.Catalogue;
using Alpy.Specs.Steps.Scenario;
using Alpy.Specs.Steps.Traffic;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>Servers that listen in a node and report what they received; they run until the scenario ends.</summary>
[Binding]
public sealed class ServerSteps(ScenarioLab lab, ScenarioApps apps, ScenarioCancellation cancellation)
{
    /// <summary>The scenario's token: the lab's waits stop when the run is cancelled (Reqnroll passes no CancellationToken to steps).</summary>
    private CancellationToken Token => cancellation.Token;

    private const string Section = "Servers";

    [Given("{host} listens on {protocol} port {port}")]
    [StepDoc("An echo server: answers each line with the same line and reports every message with its sender. "
        + "\"node N\" listens on all of the node's addresses (IPv4 and IPv6), \"host ADDRESS\" on that address only.",
        Section = Section, Example = "Given node 1 listens on TCP port 88", Ipv6Example = "Given host 2001:db8:1::2 listens on UDP port 7")]
    public async Task GivenListens(HostRef host, TrafficProtocol protocol, Port port)
    {
        var (node, address) = lab.Host(host);
        var bind = host.Node is null ? address : AllAddresses(node);
        var transport = protocol switch
        {
            TrafficProtocol.Tcp => TransportProtocol.Tcp,
            TrafficProtocol.Udp => TransportProtocol.Udp,
            _ => throw new StepValueException("A server listens on TCP or UDP; ICMP has no ports (the DUT and every node answer pings by themselves)."),
        };
        await apps.StartServerAsync(node, bind, port, transport, $"{host} listens on {protocol.Name()} port {port}",
            TrafficCommands.EchoServer(protocol, bind, port), Token).ConfigureAwait(false);
    }

    [Given("{host} serves HTTP on port {port} answering {string}")]
    [StepDoc("An HTTP server whose page (at /) is the given text, e.g. a name that tells backends apart.", Section = Section,
        Example = "Given host 192.168.1.3 serves HTTP on port 80 answering \"backend B\"", Ipv6Example = "Given host 2001:db8:1::3 serves HTTP on port 80 answering \"backend B\"")]
    public async Task GivenServesHttp(HostRef host, Port port, string body)
    {
        var (node, address) = lab.Host(host);
        var bind = host.Node is null ? address : AllAddresses(node);
        await apps.StartServerAsync(node, bind, port, TransportProtocol.Tcp, $"{host} serves HTTP on port {port}",
            TrafficCommands.HttpServer(bind, port, MessageText.Parse(body)), Token).ConfigureAwait(false);
    }

    /// <summary>The wildcard a server of the whole node binds: :: (IPv4 and IPv6, one dual-stack socket) on a dual-stack link.</summary>
    private static IPAddress AllAddresses(Alpy.Lab.Nodes.LabNode node) => node.Ipv6 is null ? IPAddress.Any : IPAddress.IPv6Any;
}
