using System.Text.RegularExpressions;

namespace Alpy.Capture.Tests;

/// <summary>
/// What a test compares per frame: the network kind, addresses, ports and protocol. Parsed from a
/// <c>tcpdump -n -r</c> line on one side, read from the library's decoded layers (not its text) on the other.
/// </summary>
internal sealed partial record FrameFields(string Kind, string? Source = null, string? Destination = null, int? SourcePort = null, int? DestinationPort = null, string? Protocol = null)
{
    /// <summary>Whether tcpdump gave up on the frame ("(invalid)"), so that its line names no fields to compare.</summary>
    public static bool IsInvalid(string line) => line.Contains("(invalid)", StringComparison.Ordinal);

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

    public static FrameFields FromFrame(Frame frame)
    {
        if (frame.Arp is { } arp && arp.ProtocolLength == 4 && arp.Operation is ArpOperation.Request or ArpOperation.Reply)
        {
            return arp.Operation == ArpOperation.Request
                ? new FrameFields("ARP", arp.SenderProtocolAddress!.ToString(), arp.TargetProtocolAddress!.ToString(), Protocol: "request")
                : new FrameFields("ARP", arp.SenderProtocolAddress!.ToString(), Protocol: "reply");
        }

        string? kind = frame.Ipv4 is not null ? "IP" : frame.Ipv6 is not null ? "IP6" : null;
        if (kind is null)
        {
            return new FrameFields("other");
        }

        string source = frame.SourceAddress!.ToString();
        string destination = frame.DestinationAddress!.ToString();
        IpProtocol protocol = frame.Protocol!.Value;
        string name = frame.Packet.IsLaterFragment
            ? (kind == "IP6" ? "fragment" : ((int)protocol).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : protocol switch
            {
                IpProtocol.Tcp => "tcp",
                IpProtocol.Udp => "udp",
                IpProtocol.Icmp => "icmp",
                IpProtocol.Icmpv6 => "icmp6",
                _ => ((int)protocol).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        return new FrameFields(kind, source, destination, frame.SourcePort, frame.DestinationPort, name);
    }

    private static FrameFields Ported(string kind, string source, string destination, string sourcePort, string destinationPort, string rest) =>
        new(kind, source, destination, int.Parse(sourcePort, System.Globalization.CultureInfo.InvariantCulture), int.Parse(destinationPort, System.Globalization.CultureInfo.InvariantCulture),
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
