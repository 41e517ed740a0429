using System.Net;
using Alpy.Runner;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Frames;
using Alpy.Specs.Steps.Traffic;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>
/// The parameter types of the steps' Cucumber Expressions. Their patterns are deliberately lenient (a word, the
/// rest of the line), so that a malformed value still reaches its parser and fails with a message that quotes it,
/// instead of leaving the step undefined.
/// </summary>
[Binding]
public static class ParameterTypes
{
    /// <summary>{host}: <c>node 1</c>, <c>node 1.10</c> or <c>host 192.168.1.3</c>.</summary>
    [StepArgumentTransformation(@"node (\S+)|host (\S+)", Name = "host")]
    public static HostRef Host(string? node, string? address) => HostRef.Parse(node, address);

    /// <summary>{address}: an IPv4 address.</summary>
    [StepArgumentTransformation(@"\S+", Name = "address")]
    public static IPAddress Address(string text) => Ipv4.Parse(text);

    /// <summary>{port}: 1 to 65535.</summary>
    [StepArgumentTransformation(@"\S+", Name = "port")]
    public static Port PortNumber(string text) => Port.Parse(text);

    /// <summary>{protocol}: TCP, UDP or ICMP.</summary>
    [StepArgumentTransformation(@"\S+", Name = "protocol")]
    public static TrafficProtocol Protocol(string text) => TrafficProtocols.Parse(text);

    /// <summary>{link}: a link number.</summary>
    [StepArgumentTransformation(@"\S+", Name = "link")]
    public static LinkRef Link(string text) => LinkRef.Parse(text);

    /// <summary>{interface}: <c>link 1</c> or <c>VLAN 10 on link 1</c>.</summary>
    [StepArgumentTransformation(@"link (\S+)|VLAN (\S+) on link (\S+)", Name = "interface")]
    public static DutPort Interface(string? link, string? vlan, string? vlanLink) =>
        link is { Length: > 0 } ? new DutPort(LinkNumber.Parse(link)) : new DutPort(LinkNumber.Parse(vlanLink), LinkNumber.ParseVlan(vlan));

    /// <summary>{traffic}: what a DUT rule names, e.g. <c>TCP port 8080 from link 0 to link 1</c>.</summary>
    [StepArgumentTransformation(@".+", Name = "traffic")]
    public static TrafficSelector Traffic(string text) => TrafficSelector.Parse(text);

    /// <summary>{rate}: e.g. <c>2 Mbit/s</c>.</summary>
    [StepArgumentTransformation(@"(\S+) (\S+/s)", Name = "rate")]
    public static Rate DataRate(string number, string unit) => Rate.Parse(number, unit);

    /// <summary>{percentage}: e.g. <c>10%</c>.</summary>
    [StepArgumentTransformation(@"(\S+)%", Name = "percentage")]
    public static Percentage Tolerance(string number) => Percentage.Parse(number);

    /// <summary>{ratio}: e.g. <c>3:1</c>.</summary>
    [StepArgumentTransformation(@"\S*:\S*", Name = "ratio")]
    public static Ratio Proportion(string text) => Ratio.Parse(text);

    /// <summary>{frames}: frames in words, e.g. <c>a TCP SYN to 192.168.1.2 port 88</c> (not the BPF form "a frame matching ...").</summary>
    [StepArgumentTransformation(@"(?!(?:a|no|\d+|at least \d+|at most \d+) frames? matching ).+", Name = "frames")]
    public static FrameQuery Frames(string text) => FrameDescription.Parse(text);

    /// <summary>{exchange}: the ping, the connection, the message, the request(s), the measurement.</summary>
    [StepArgumentTransformation(@"ping|connection|message|requests|request|measurement", Name = "exchange")]
    public static TrafficKind Exchange(string text) => TrafficKinds.Parse(text);

    /// <summary>{outcome}: succeeds, fails, times out, is refused, is unreachable (and plurals).</summary>
    [StepArgumentTransformation(@"succeeds|succeed|fails|fail|times out|time out|is refused|are refused|is unreachable|are unreachable", Name = "outcome")]
    public static ExpectedOutcome Outcome(string text) => ExpectedOutcomes.Parse(text);
}
