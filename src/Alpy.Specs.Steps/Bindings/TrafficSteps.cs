using System.Net;
using Alpy.Lab.Apps;
using Reqnroll;
using Alpy.Specs.Steps.Catalogue;
using Alpy.Specs.Steps.Scenario;
using Alpy.Specs.Steps.Traffic;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>Traffic from a node: pings, connections, messages, HTTP requests, throughput. Each is judged by the verdict steps.</summary>
[Binding]
public sealed class TrafficSteps(ScenarioLab lab, ScenarioApps apps, TrafficLog log, ScenarioCancellation cancellation)
{
    /// <summary>The scenario's token: the lab's waits stop when the run is cancelled (Reqnroll passes no CancellationToken to steps).</summary>
    private CancellationToken Token => cancellation.Token;

    private const string Section = "Traffic";

    /// <summary>The port the throughput server listens on.</summary>
    private static readonly Port ThroughputPort = Port.Of(5201);

    private TimeSpan Wait => lab.Settings.AnswerTimeout;

    [When("{host} pings {address}")]
    [StepDoc("One ICMP echo request; succeeds when the reply comes within the answer timeout. An ICMP error (port or host unreachable, time exceeded) ends it at once: it is refused, unreachable or fails.", Section = Section, Example = "When node 0 pings 192.168.1.2", Ipv6Example = "When node 0 pings 2001:db8:1::2")]
    public Task WhenPings(HostRef host, IPAddress address) =>
        PingAsync(host, address, 1, null, Token);

    [When("{host} pings the DUT")]
    [StepDoc("One ICMP echo request to the DUT's address on the host's own subnet (its IPv6 address on an IPv6-only link).", Section = Section, Example = "When node 0 pings the DUT")]
    public Task WhenPingsTheDut(HostRef host) =>
        PingAsync(host, lab.Host(host).Node.DutAddress, 1, null, Token);

    [When("{host} pings {address} {int} times")]
    [StepDoc("Several echo requests, one per second; succeeds when every reply comes.", Section = Section, Example = "When node 0 pings 192.168.1.2 3 times", Ipv6Example = "When node 0 pings 2001:db8:1::2 3 times")]
    public Task WhenPingsTimes(HostRef host, IPAddress address, int times) =>
        PingAsync(host, address, Count.Times(times), null, Token);

    [When("{host} pings the DUT over IPv6")]
    [StepDoc("One ICMPv6 echo request to the DUT's IPv6 address on the host's own subnet.", Section = Section, Example = "When node 0 pings the DUT over IPv6")]
    public Task WhenPingsTheDutOverIpv6(HostRef host) =>
        PingAsync(host, lab.DutAddress(host, ipv6: true), 1, null, Token);

    [When("{host} pings {address} with TTL {int}")]
    [StepDoc("One echo request sent with the given TTL (time to live; the hop limit for an IPv6 address): each router on the way takes one off.", Section = Section,
        Example = "When node 0 pings 192.168.1.2 with TTL 1", Ipv6Example = "When node 0 pings 2001:db8:1::2 with TTL 1")]
    public Task WhenPingsWithTtl(HostRef host, IPAddress address, int ttl) =>
        PingAsync(host, address, 1, Count.Ttl(ttl), Token);

    [When("{host} pings {address} with hop limit {int}")]
    [StepDoc("One echo request sent with the given hop limit (IPv6's TTL): each router on the way takes one off.", Section = Section,
        Example = "When node 0 pings 2001:db8:1::2 with hop limit 1", Ipv6Example = "When node 0 pings 2001:db8:1::2 with hop limit 64")]
    public Task WhenPingsWithHopLimit(HostRef host, IPAddress address, int hopLimit) =>
        PingAsync(host, address, 1, Count.HopLimit(hopLimit), Token);

    [When("{host} connects to {address} port {port}")]
    [StepDoc("A TCP handshake and nothing else; refused on a TCP reset, timed out without an answer.", Section = Section,
        Example = "When node 0 connects to 192.168.1.2 port 81", Ipv6Example = "When node 0 connects to 2001:db8:1::2 port 22")]
    public async Task WhenConnects(HostRef host, IPAddress address, Port port)
    {
        var node = lab.Sender(host, address);
        var app = await apps.RunAsync(node, TrafficCommands.Connect(address, port, Wait), "connect", AppTimeout(), Token).ConfigureAwait(false);
        log.Add(new TrafficAttempt
        {
            Kind = TrafficKind.Connection.Noun(),
            Description = $"{host} connects to {address} port {port}",
            Outcome = TrafficOutcomes.FromToolOutput(app.ExitCode, app.Stderr),
            App = app,
        });
    }

    [When("{host} sends {string} over {protocol} to {address} port {port}")]
    [StepDoc("Sends one line and waits for one line back (an echo server answers with the same line).", Section = Section,
        Example = "When node 0 sends \"hello\" over UDP to 192.168.1.2 port 7", Ipv6Example = "When node 0 sends \"hello\" over TCP to [2001:db8:1::2] port 7")]
    public async Task WhenSends(HostRef host, string message, TrafficProtocol protocol, IPAddress address, Port port)
    {
        var node = lab.Sender(host, address);
        var argv = TrafficCommands.Ask(protocol, address, port, Wait, MessageText.Parse(message));
        var app = await apps.RunAsync(node, argv, "client", AppTimeout(), Token).ConfigureAwait(false);
        var reply = ToolOutput.Reply(app.Stderr);
        log.Add(new TrafficAttempt
        {
            Kind = TrafficKind.Message.Noun(),
            Description = $"{host} sends \"{message}\" over {protocol.Name()} to {address} port {port}",
            Outcome = reply is not null ? TrafficOutcome.Succeeded : NoReply(app),
            Reply = reply,
            App = app,
        });
    }

    [When("{host} sends an HTTP request to {address} port {port}")]
    [StepDoc("One HTTP GET of /, on a connection of its own.", Section = Section, Example = "When node 0 sends an HTTP request to 192.168.1.100 port 80", Ipv6Example = "When node 0 sends an HTTP request to 2001:db8:1::100 port 80")]
    public Task WhenSendsRequest(HostRef host, IPAddress address, Port port) =>
        RequestsAsync(host, 1, address, port, Token);

    [When("{host} sends {int} HTTP requests to {address} port {port}")]
    [StepDoc("Several HTTP GETs of /, one after another, each on a connection of its own.", Section = Section,
        Example = "When node 0 sends 8 HTTP requests to 192.168.1.100 port 80", Ipv6Example = "When node 0 sends 8 HTTP requests to 2001:db8:1::100 port 80")]
    public Task WhenSendsRequests(HostRef host, int count, IPAddress address, Port port) =>
        RequestsAsync(host, Count.Times(count), address, port, Token);

    [When("{host} measures the TCP throughput to {address} for {int} seconds")]
    [StepDoc("Sends TCP as fast as it can for the given time to a throughput server started on the host holding the address, and measures what arrives.",
        Section = Section, Example = "When node 0 measures the TCP throughput to 192.168.1.2 for 3 seconds", Ipv6Example = "When node 0 measures the TCP throughput to 2001:db8:1::2 for 3 seconds")]
    public async Task WhenMeasures(HostRef host, IPAddress address, int seconds)
    {
        seconds = Count.Seconds(seconds);
        var node = lab.Sender(host, address);
        var (serverNode, _) = lab.Host(new HostRef(null, address));
        await apps.StartServerAsync(serverNode, address, ThroughputPort, TransportProtocol.Tcp, $"throughput server on {address}",
            TrafficCommands.ThroughputServer(address, ThroughputPort), Token).ConfigureAwait(false);
        var app = await apps.RunAsync(node, TrafficCommands.ThroughputClient(address, ThroughputPort, seconds, Wait), "iperf3",
            TimeSpan.FromSeconds(seconds) + AppTimeout(), Token).ConfigureAwait(false);
        var (bits, error) = ToolOutput.Throughput(app.Stdout);
        log.Add(new TrafficAttempt
        {
            Kind = TrafficKind.Measurement.Noun(),
            Description = $"{host} measures the TCP throughput to {address} for {seconds} seconds",
            Outcome = bits is not null ? TrafficOutcome.Succeeded : TrafficOutcomes.FromToolOutput(1, error ?? app.Stderr),
            BitsPerSecond = bits,
            App = app,
        });
    }

    private async Task PingAsync(HostRef host, IPAddress address, int count, int? ttl, CancellationToken cancellationToken)
    {
        var node = lab.Sender(host, address);
        var wait = Wait + TimeSpan.FromSeconds(count - 1);
        var app = await apps.RunAsync(node, TrafficCommands.Ping(address, count, ttl, wait), "ping", AppTimeout() + wait, cancellationToken).ConfigureAwait(false);
        log.Add(new TrafficAttempt
        {
            Kind = TrafficKind.Ping.Noun(),
            Description = $"{host} pings {address}{(count > 1 ? $" {count} times" : "")}{(ttl is { } t ? $" with {(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "hop limit" : "TTL")} {t}" : "")}",
            Outcome = ToolOutput.Ping(app.ExitCode, app.Stdout, app.Stderr),
            App = app,
        });
    }

    /// <summary>Why no reply came: refused or unreachable if the client was told so, else no answer at all.</summary>
    private static TrafficOutcome NoReply(AppResult app) =>
        TrafficOutcomes.FromToolOutput(app.ExitCode == 0 ? 1 : app.ExitCode, app.Stderr) switch
        {
            TrafficOutcome.Failed when app.ExitCode == 0 || app.Stderr.Contains("alpy-no-reply", StringComparison.Ordinal) => TrafficOutcome.TimedOut,
            var outcome => outcome,
        };

    private async Task RequestsAsync(HostRef host, int count, IPAddress address, Port port, CancellationToken cancellationToken)
    {
        var node = lab.Sender(host, address);
        var app = await apps.RunAsync(node, TrafficCommands.HttpGet(count, address, port, Wait), "http",
            AppTimeout() + (Wait * count), cancellationToken).ConfigureAwait(false);
        var responses = ToolOutput.Responses(app.Stdout);
        var failed = responses.FirstOrDefault(r => r.Outcome != TrafficOutcome.Succeeded);
        log.Add(new TrafficAttempt
        {
            Kind = TrafficKind.Requests.Noun(),
            Description = count == 1 ? $"{host} sends an HTTP request to {address} port {port}" : $"{host} sends {count} HTTP requests to {address} port {port}",
            Outcome = responses.Count < count ? TrafficOutcome.Failed : failed?.Outcome ?? TrafficOutcome.Succeeded,
            Responses = responses,
            App = app,
        });
    }

    /// <summary>How long an app may run before the lab kills it: the answer timeout and a margin for a loaded machine.</summary>
    private TimeSpan AppTimeout() => Wait + TimeSpan.FromSeconds(20);
}
