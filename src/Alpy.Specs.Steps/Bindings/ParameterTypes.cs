using System.Net;
using Reqnroll;
using Alpy.Specs.Steps.Catalogue;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Frames;
using Alpy.Specs.Steps.Traffic;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>
/// The parameter types of the steps' Cucumber Expressions (Reqnroll: a named [StepArgumentTransformation] is a
/// parameter type, <c>{address}</c>; each capture group of its regex is one argument of the method, so every pattern
/// captures). The patterns are deliberately lenient (a word, the rest of the line), so that a malformed value still
/// reaches its parser and fails with a message that quotes it, instead of leaving the step undefined. An alternative
/// that did not match passes an empty string.
/// </summary>
[Binding]
public static class ParameterTypes
{
    /// <summary>{host}: <c>node 1</c>, <c>node 1.10</c> or <c>host 192.168.1.3</c>.</summary>
    [ParameterDoc("A node of the topology (node LINK, or node LINK.VLAN for a VLAN's node), or one of its addresses (host ADDRESS).", "node 0", "node 1.10", "host 192.168.1.3", "host 2001:db8:1::3")]
    [StepArgumentTransformation(@"node (\S+)|host (\S+)", Name = "host")]
    public static HostRef Host(string? node, string? address) => HostRef.Parse(node, address);

    /// <summary>{address}: an IPv4 or IPv6 address.</summary>
    [ParameterDoc("An IPv4 address (four numbers 0-255, no leading zeros) or an IPv6 address (also in brackets, as before a port); no zone index (%eth0).", "192.168.1.2", "2001:db8:1::2", "[2001:db8:1::2]")]
    [StepArgumentTransformation(@"(\S+)", Name = "address")]
    public static IPAddress Address(string text) => IpAddressText.Parse(text);

    /// <summary>{port}: 1 to 65535.</summary>
    [ParameterDoc("A TCP or UDP port, 1-65535.", "80", "8080")]
    [StepArgumentTransformation(@"(\S+)", Name = "port")]
    public static Port PortNumber(string text) => Port.Parse(text);

    /// <summary>{protocol}: TCP, UDP or ICMP.</summary>
    [ParameterDoc("TCP, UDP or ICMP (any letter case); where a port follows, TCP or UDP.", "TCP", "UDP", "ICMP")]
    [StepArgumentTransformation(@"(\S+)", Name = "protocol")]
    public static TrafficProtocol Protocol(string text) => TrafficProtocols.Parse(text);

    /// <summary>{link}: a link number.</summary>
    [ParameterDoc("A link number of the topology (0 to 15; the topology must have it).", "0", "1")]
    [StepArgumentTransformation(@"(\S+)", Name = "link")]
    public static LinkRef Link(string text) => LinkRef.Parse(text);

    /// <summary>{interface}: <c>link 1</c> or <c>VLAN 10 on link 1</c>.</summary>
    [ParameterDoc("A DUT interface: a link, or a VLAN on a link.", "link 1", "VLAN 10 on link 1")]
    [StepArgumentTransformation(@"link (\S+)|VLAN (\S+) on link (\S+)", Name = "interface")]
    public static DutPort Interface(string? link, string? vlan, string? vlanLink) =>
        link is { Length: > 0 } ? new DutPort(LinkNumber.Parse(link)) : new DutPort(LinkNumber.Parse(vlanLink), LinkNumber.ParseVlan(vlan));

    /// <summary>{traffic}: what a DUT rule names, e.g. <c>TCP port 8080 from link 0 to link 1</c>.</summary>
    [ParameterDoc("What a DUT rule names: optionally IPv4 or IPv6 (without it, both), then ICMP, TCP, UDP or traffic (all), then optionally port P, from ENDPOINT, to ENDPOINT (ENDPOINT: link N or VLAN V on link N).", "ICMP", "TCP port 8080", "IPv4 TCP port 22 from link 0 to link 1", "UDP port 5353 from link 0 to link 1", "traffic from VLAN 10 on link 1 to VLAN 20 on link 1")]
    // No commas: ", replies included" ends the stateless filter steps and must not be read as part of the traffic.
    [StepArgumentTransformation(@"([^,]+)", Name = "traffic")]
    public static TrafficSelector Traffic(string text) => TrafficSelector.Parse(text);

    /// <summary>{rate}: e.g. <c>2 Mbit/s</c>.</summary>
    [ParameterDoc("A number and bit/s, kbit/s, Mbit/s or Gbit/s (8 kbit/s to 10 Gbit/s).", "2 Mbit/s", "500 kbit/s")]
    [StepArgumentTransformation(@"(\S+) (\S+/s)", Name = "rate")]
    public static Rate DataRate(string number, string unit) => Rate.Parse(number, unit);

    /// <summary>{percentage}: e.g. <c>10%</c>.</summary>
    [ParameterDoc("A number from 0 to 100 followed by %.", "10%", "25%")]
    [StepArgumentTransformation(@"(\S+)%", Name = "percentage")]
    public static Percentage Tolerance(string number) => Percentage.Parse(number);

    /// <summary>{ratio}: e.g. <c>3:1</c>.</summary>
    [ParameterDoc("Whole numbers 1-100 separated by ':', one per party.", "1:1", "3:1")]
    [StepArgumentTransformation(@"(\S*:\S*)", Name = "ratio")]
    public static Ratio Proportion(string text) => Ratio.Parse(text);

    /// <summary>{frames}: frames in words, e.g. <c>a TCP SYN to 192.168.1.2 port 88</c> (not the BPF form "a frame matching ...").</summary>
    [ParameterDoc("Frames in words (see Frame words below).", "a TCP SYN to 192.168.1.2 port 88", "a TCP SYN to [2001:db8:1::2] port 22", "no ICMP echo request", "an ICMPv6 echo request with hop limit 63", "an ICMP echo request to 192.168.20.2 with TTL 63 tagged with VLAN 20")]
    [StepArgumentTransformation(@"(?!(?:a|no|\d+|at least \d+|at most \d+) frames? matching )(.+)", Name = "frames")]
    public static FrameQuery Frames(string text) => FrameDescription.Parse(text);

    /// <summary>{exchange}: the ping, the connection, the message, the request(s), the measurement.</summary>
    [ParameterDoc("The traffic a verdict judges: the latest ping, connection, message, request(s) or measurement.", "ping", "connection", "message", "requests")]
    [StepArgumentTransformation(@"(ping|connection|message|requests|request|measurement)", Name = "exchange")]
    public static TrafficKind Exchange(string text) => TrafficKinds.Parse(text);

    /// <summary>{outcome}: succeeds, fails, times out, is refused, is unreachable (and plurals).</summary>
    [ParameterDoc("succeeds, fails (in any way), times out (no answer), is refused (TCP reset or ICMP port unreachable), is unreachable (and plurals).", "succeeds", "times out", "is refused")]
    [StepArgumentTransformation(@"(succeeds|succeed|fails|fail|times out|time out|is refused|are refused|is unreachable|are unreachable)", Name = "outcome")]
    public static ExpectedOutcome Outcome(string text) => ExpectedOutcomes.Parse(text);
}
