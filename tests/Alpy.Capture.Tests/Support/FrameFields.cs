using System.Globalization;
using System.Text.RegularExpressions;
using PacketDotNet;

namespace Alpy.Capture.Tests;

/// <summary>
/// What a test compares per frame: the network kind, addresses, ports and protocol. Parsed from a
/// <c>tcpdump -n -r</c> line on one side, read from PacketDotNet's decoding of the frame on the other.
/// </summary>
internal sealed partial record FrameFields(string Kind, string? Source = null, string? Destination = null, int? SourcePort = null, int? DestinationPort = null, string? Protocol = null)
{
    private static readonly string[] MalformedOrCut = ["(invalid)", "bad-len", "bad-hlen", "truncated-ip", "[|"];

    /// <summary>
    /// Whether tcpdump calls the frame malformed or cut ("(invalid)", "bad-len", "bad-hlen", "truncated-ip", "[|...]").
    /// PacketDotNet reads such frames otherwise: it decodes past a bad length, or throws for a field that was not captured.
    /// </summary>
    public static bool IsMalformedOrCut(string line) => MalformedOrCut.Any(sign => line.Contains(sign, StringComparison.Ordinal));

    public static FrameFields FromTcpdump(string line)
    {
        // Drop the "HH:MM:SS.ffffff " timestamp.
        string text = line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        if (ArpRequest().Match(text) is { Success: true } request)
        {
            return new FrameFields("ARP", request.Groups["spa"].Value, request.Groups["tpa"].Value, Protocol: "request");
        }

        if (ArpReply().Match(text) is { Success: true } reply)
        {
            return new FrameFields("ARP", reply.Groups["spa"].Value, Protocol: "reply");
        }

        if (IpWithPorts().Match(text) is { Success: true } ported)
        {
            return Ported(ported.Groups["kind"].Value, ported.Groups["src"].Value, ported.Groups["dst"].Value, ported.Groups["sp"].Value, ported.Groups["dp"].Value, ported.Groups["rest"].Value);
        }

        if (IpWithoutPorts().Match(text) is { Success: true } ip)
        {
            string kind = ip.Groups["kind"].Value;
            string rest = ExtensionHeaders().Replace(ip.Groups["rest"].Value, string.Empty);
            if (PortsAfterExtensions().Match(rest) is { Success: true } later)
            {
                return Ported(kind, ip.Groups["src"].Value, ip.Groups["dst"].Value, later.Groups["sp"].Value, later.Groups["dp"].Value, later.Groups["rest"].Value);
            }

            string protocol = rest switch
            {
                _ when rest.StartsWith("ICMP6", StringComparison.Ordinal) || rest.Contains("[|icmp6]", StringComparison.Ordinal) => "icmp6",
                _ when rest.StartsWith("ICMP", StringComparison.Ordinal) || rest.Contains("[|icmp]", StringComparison.Ordinal) => "icmp",
                "no next header" => "59",
                _ when rest.Contains("[|tcp]", StringComparison.Ordinal) => "tcp",
                _ when rest.Contains("[|udp]", StringComparison.Ordinal) => "udp",
                _ when ProtocolNumber().Match(rest) is { Success: true } number => number.Groups[1].Value,
                _ when rest.Length == 0 => "fragment",
                _ => "other",
            };
            return new FrameFields(kind, ip.Groups["src"].Value, ip.Groups["dst"].Value, Protocol: protocol);
        }

        return new FrameFields("other");
    }

    /// <summary>The same fields from PacketDotNet's decoding of the frame.</summary>
    public static FrameFields FromFrame(Frame frame)
    {
        try
        {
            return Decode(frame.Packet);
        }
        catch (Exception e) when (Frame.IsDecodingFailure(e))
        {
            return new FrameFields("undecodable", Protocol: e.GetType().Name);
        }
    }

    private static FrameFields Decode(Packet packet)
    {
        if (packet.Extract<ArpPacket>() is { ProtocolAddressLength: 4 } arp && arp.Operation is ArpOperation.Request or ArpOperation.Response)
        {
            return arp.Operation == ArpOperation.Request
                ? new FrameFields("ARP", arp.SenderProtocolAddress.ToString(), arp.TargetProtocolAddress.ToString(), Protocol: "request")
                : new FrameFields("ARP", arp.SenderProtocolAddress.ToString(), Protocol: "reply");
        }

        if (packet.Extract<IPPacket>() is not { } ip)
        {
            return new FrameFields("other");
        }

        string kind = ip is IPv4Packet ? "IP" : "IP6";
        string source = ip.SourceAddress.ToString();
        string destination = ip.DestinationAddress.ToString();
        bool laterFragment = ip switch
        {
            IPv4Packet v4 => v4.FragmentOffset > 0,
            IPv6Packet v6 => v6.ExtensionHeaders.OfType<IPv6FragmentationExtensionHeader>().Any(fragment => fragment.FragmentOffset > 0),
            _ => false,
        };
        string number = ((int)ip.Protocol).ToString(CultureInfo.InvariantCulture);
        if (laterFragment)
        {
            return new FrameFields(kind, source, destination, Protocol: kind == "IP6" ? "fragment" : number);
        }

        (int? sourcePort, int? destinationPort, string protocol) = ip.Protocol switch
        {
            ProtocolType.Tcp when packet.Extract<TcpPacket>() is { } tcp => (tcp.SourcePort, tcp.DestinationPort, "tcp"),
            ProtocolType.Udp when packet.Extract<UdpPacket>() is { } udp => (udp.SourcePort, udp.DestinationPort, "udp"),
            ProtocolType.Tcp => (null, null, "tcp"),
            ProtocolType.Udp => (null, null, "udp"),
            ProtocolType.Icmp => (null, null, "icmp"),
            ProtocolType.IcmpV6 => (null, null, "icmp6"),
            _ => ((int?)null, (int?)null, number),
        };
        return new FrameFields(kind, source, destination, sourcePort, destinationPort, protocol);
    }

    private static FrameFields Ported(string kind, string source, string destination, string sourcePort, string destinationPort, string rest) =>
        new(kind, source, destination, int.Parse(sourcePort, CultureInfo.InvariantCulture), int.Parse(destinationPort, CultureInfo.InvariantCulture),
            rest.Contains("UDP", StringComparison.Ordinal) || rest.Contains("udp", StringComparison.Ordinal) ? "udp" : "tcp");

    [GeneratedRegex(@"^(?:ARP, )?Request who-has (?<tpa>\S+) (?:\(\S+\) )?tell (?<spa>[^,]+),")]
    private static partial Regex ArpRequest();

    [GeneratedRegex(@"^(?:ARP, )?Reply (?<spa>\S+) is-at (?<sha>[^,]+),")]
    private static partial Regex ArpReply();

    [GeneratedRegex(@"^(?:(?<kind>IP) (?:truncated-ip - \d+ bytes missing! )?(?<src>\d+\.\d+\.\d+\.\d+)\.(?<sp>\d+) > (?<dst>\d+\.\d+\.\d+\.\d+)|(?<kind>IP6) (?:truncated-ip6 - \d+ bytes missing!)?(?<src>[0-9a-f:]+(?:\d+\.\d+\.\d+\.\d+)?)\.(?<sp>\d+) > (?<dst>[0-9a-f:]+(?:\d+\.\d+\.\d+\.\d+)?))\.(?<dp>\d+): (?<rest>.*)$")]
    private static partial Regex IpWithPorts();

    [GeneratedRegex(@"^(?<kind>IP6?) (?:truncated-ip6? - \d+ bytes missing! ?)?(?<src>\S+) > (?<dst>\S+?):(?: (?<rest>.*))?$")]
    private static partial Regex IpWithoutPorts();

    [GeneratedRegex(@"(HBH |DSTOPT |RT6 \([^)]*\) |frag \(\d+\|\d+\) ?)")]
    private static partial Regex ExtensionHeaders();

    [GeneratedRegex(@"^(?<sp>\d+) > (?<dp>\d+): (?<rest>.*)$")]
    private static partial Regex PortsAfterExtensions();

    [GeneratedRegex(@"ip-proto-(\d+)")]
    private static partial Regex ProtocolNumber();
}
