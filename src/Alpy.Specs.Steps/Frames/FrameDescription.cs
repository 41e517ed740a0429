using System.Globalization;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Frames;

/// <summary>
/// Turns the steps' words for frames into a BPF filter: "a TCP SYN to 192.168.1.2 port 88", "no ICMP echo request",
/// "2 UDP packets from 192.168.1.1", "an ICMP echo request to 192.168.20.2 with TTL 63 tagged with VLAN 20",
/// "an ICMPv6 echo request to 2001:db8:1::2 with hop limit 63", "a TCP SYN to [2001:db8:1::2] port 80". Only
/// validated numbers and addresses go into the filter. Without a VLAN qualifier, tagged and untagged frames match.
/// TCP, UDP and "traffic" words cover both families; ICMP words are IPv4's ICMP, ICMPv6 words IPv6's.
/// libpcap reads tcp[...] and icmp6[...] only at fixed offsets (tcp[] in IPv4 alone; IPv6 with no extension header before the
/// TCP or ICMPv6 header), so the IPv6 forms read ip6[40 + n]: what tcpdump users write for the same frames.
/// </summary>
public static class FrameDescription
{
    /// <summary>The grammar, for messages and the step catalogue.</summary>
    public const string Grammar =
        "[a | an | no | N | at least N | at most N] [untagged] KIND [from ADDRESS [port P]] [to ADDRESS [port P] | to port P] [with TTL N | with hop limit N] [tagged with VLAN V]";

    /// <summary>The kinds of frame, their words (singular, plural) and filters.</summary>
    public static IReadOnlyList<(string Singular, string Plural, string Filter, bool HasPorts)> Kinds { get; } =
    [
        ("TCP SYN", "TCP SYNs", "(tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn) or (ip6 proto 6 and ip6[53] & 0x12 == 0x02)", true),
        ("TCP reset", "TCP resets", "(tcp[tcpflags] & tcp-rst != 0) or (ip6 proto 6 and ip6[53] & 0x04 != 0)", true),
        ("TCP packet", "TCP packets", "tcp", true),
        ("UDP packet", "UDP packets", "udp", true),
        ("ICMP echo request", "ICMP echo requests", "icmp[icmptype] == icmp-echo", false),
        ("ICMP echo reply", "ICMP echo replies", "icmp[icmptype] == icmp-echoreply", false),
        ("ICMP port unreachable", "ICMP port unreachables", "icmp[icmptype] == icmp-unreach and icmp[icmpcode] == 3", false),
        ("ICMP unreachable", "ICMP unreachables", "icmp[icmptype] == icmp-unreach", false),
        ("ICMP time exceeded", "ICMP time exceeded", "icmp[icmptype] == icmp-timxceed", false),
        ("ICMP packet", "ICMP packets", "icmp", false),
        ("ICMPv6 echo request", "ICMPv6 echo requests", "ip6 proto 58 and ip6[40] == 128", false),
        ("ICMPv6 echo reply", "ICMPv6 echo replies", "ip6 proto 58 and ip6[40] == 129", false),
        ("ICMPv6 port unreachable", "ICMPv6 port unreachables", "ip6 proto 58 and ip6[40] == 1 and ip6[41] == 4", false),
        ("ICMPv6 administratively prohibited", "ICMPv6 administratively prohibited", "ip6 proto 58 and ip6[40] == 1 and ip6[41] == 1", false),
        ("ICMPv6 unreachable", "ICMPv6 unreachables", "ip6 proto 58 and ip6[40] == 1", false),
        ("ICMPv6 time exceeded", "ICMPv6 time exceeded", "ip6 proto 58 and ip6[40] == 3", false),
        ("neighbour solicitation", "neighbour solicitations", "ip6 proto 58 and ip6[40] == 135", false),
        ("neighbour advertisement", "neighbour advertisements", "ip6 proto 58 and ip6[40] == 136", false),
        ("ICMPv6 packet", "ICMPv6 packets", "icmp6", false),
        ("IPv6 packet", "IPv6 packets", "ip6", true),
        ("IP packet", "IP packets", "ip", true),
        ("traffic", "traffic", "ip or ip6", true),
    ];

    /// <exception cref="StepValueException">The words do not follow <see cref="Grammar"/>, or hold a malformed value; the message says where.</exception>
    public static FrameQuery Parse(string? text)
    {
        try
        {
            return ParseWords(text);
        }
        catch (StepValueException e) when (!e.Message.Contains(Grammar, StringComparison.Ordinal))
        {
            throw new StepValueException($"In the frame description \"{StepValueException.Shown(text)}\": {e.Message}", e);
        }
    }

    private static FrameQuery ParseWords(string? text)
    {
        var reader = new WordReader(text ?? "");
        var quantity = Quantity(reader);
        string? vlan = reader.TryTake("untagged") ? "" : null;
        var kind = Kind(reader);
        var parts = new List<string> { kind.Filter };
        // Words that belong to one family each (the kind, addresses, TTL or hop limit) must agree: libpcap would
        // compile "an ICMPv6 echo request to 192.168.1.2" into a filter no frame passes, and the step could never fail.
        var families = new List<(string Words, string Family)>();
        if (KindFamily(kind.Singular) is { } kindFamily)
            families.Add((kind.Singular, kindFamily));
        bool from = false, to = false, ttl = false, tagged = false;
        while (reader.Peek() is { } word)
        {
            if (word == "from" && !from && !to && !ttl && !tagged)
            {
                reader.Next();
                from = true;
                var source = IpAddressText.Parse(reader.Next());
                families.Add((source.ToString(), IpAddressText.Family(source)));
                parts.Add($"src host {source}");
                if (reader.Peek() == "port")
                    parts.Add($"src port {PortAfter(reader, kind.HasPorts)}");
            }
            else if (word == "to" && !to && !ttl && !tagged)
            {
                reader.Next();
                to = true;
                if (reader.Peek() != "port")
                {
                    var destination = IpAddressText.Parse(reader.Next());
                    families.Add((destination.ToString(), IpAddressText.Family(destination)));
                    parts.Add($"dst host {destination}");
                }

                if (reader.Peek() == "port")
                    parts.Add($"dst port {PortAfter(reader, kind.HasPorts)}");
            }
            else if (word == "with" && !ttl && !tagged)
            {
                reader.Next();
                // The TTL is IPv4 header byte 8, the hop limit IPv6 header byte 7.
                var field = reader.TryTake("TTL") ? ("ip[8]", "a TTL") : reader.TryTake("hop limit") ? ("ip6[7]", "a hop limit") : throw reader.Error("write with TTL N or with hop limit N");
                families.Add((field.Item2 == "a TTL" ? "TTL" : "hop limit", field.Item2 == "a TTL" ? "IPv4" : "IPv6"));
                var value = reader.Next();
                parts.Add($"{field.Item1} == " + (NodeRef.Number(value ?? "", 0, 255) ?? throw reader.Error($"\"{StepValueException.Shown(value)}\" is not {field.Item2} (0 to 255)")).ToString(CultureInfo.InvariantCulture));
                ttl = true;
            }
            else if (word == "tagged" && vlan is null)
            {
                reader.Next();
                tagged = true;
                reader.Expect("with", "write tagged with VLAN V");
                reader.Expect("VLAN", "write tagged with VLAN V");
                vlan = LinkNumber.ParseVlan(reader.Next()).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                throw reader.Error($"\"{StepValueException.Shown(word)}\" is not expected there");
            }
        }

        if (families.Select(f => f.Family).Distinct().Count() > 1)
        {
            var v4 = families.First(f => f.Family == "IPv4");
            var v6 = families.First(f => f.Family == "IPv6");
            throw reader.Error($"it mixes the families: {v4.Words} is IPv4, {v6.Words} is IPv6 (ICMP words and TTL are IPv4's, ICMPv6 words and hop limit IPv6's)");
        }

        var inner = string.Join(" and ", parts.Select(p => $"({p})"));
        var filter = vlan switch
        {
            null => $"({inner}) or (vlan and ({inner}))",
            "" => $"ether[12:2] != 0x8100 and ({inner})",
            _ => $"vlan {vlan} and ({inner})",
        };
        return new FrameQuery(text!.Trim(), filter, quantity);
    }

    private static Quantity Quantity(WordReader reader)
    {
        var word = reader.Peek();
        switch (word)
        {
            case "a" or "an":
                reader.Next();
                return Frames.Quantity.AtLeastOne;
            case "no":
                reader.Next();
                return Frames.Quantity.NoFrame;
            case "at":
                reader.Next();
                var bound = reader.Next();
                var kind = bound == "least" ? QuantityKind.AtLeast : bound == "most" ? QuantityKind.AtMost : throw reader.Error("write at least N or at most N");
                return new Quantity(kind, Number(reader));
            case not null when word.Length > 0 && char.IsAsciiDigit(word[0]):
                return new Quantity(QuantityKind.Exactly, Number(reader));
            default:
                return Frames.Quantity.AtLeastOne;
        }
    }

    private static int Number(WordReader reader)
    {
        var text = reader.Next();
        return NodeRef.Number(text ?? "", 0, 10_000) ?? throw reader.Error($"\"{StepValueException.Shown(text)}\" is not a number of frames (0 to 10000)");
    }

    /// <summary>The family a kind of frame belongs to, or null for kinds of both (TCP, UDP, traffic).</summary>
    private static string? KindFamily(string singular) =>
        singular.StartsWith("ICMPv6", StringComparison.Ordinal) || singular.StartsWith("neighbour", StringComparison.Ordinal) || singular == "IPv6 packet" ? "IPv6"
        : singular.StartsWith("ICMP", StringComparison.Ordinal) || singular == "IP packet" ? "IPv4"
        : null;

    private static (string Singular, string Filter, bool HasPorts) Kind(WordReader reader)
    {
        foreach (var (singular, plural, filter, hasPorts) in Kinds.OrderByDescending(k => k.Singular.Length))
        {
            foreach (var phrase in new[] { plural, singular })
            {
                if (reader.TryTake(phrase))
                    return (singular, filter, hasPorts);
            }
        }

        throw reader.Error($"it names no kind of frame; the kinds are {string.Join(", ", Kinds.Select(k => k.Singular))}");
    }

    private static string PortAfter(WordReader reader, bool hasPorts)
    {
        if (!hasPorts)
            throw reader.Error("ICMP has no ports");
        reader.Next();
        return Port.Parse(reader.Next()).ToString();
    }

    /// <summary>Reads words; errors quote the whole description and the grammar.</summary>
    private sealed class WordReader(string text)
    {
        private readonly string[] _words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        private int _next;

        public string? Peek() => _next < _words.Length ? _words[_next] : null;

        public string? Next() => _next < _words.Length ? _words[_next++] : null;

        public void Expect(string word, string hint)
        {
            if (Next() != word)
                throw Error(hint);
        }

        /// <summary>Takes <paramref name="phrase"/> (words compared ignoring letter case) if it comes next.</summary>
        public bool TryTake(string phrase)
        {
            var words = phrase.Split(' ');
            if (_next + words.Length > _words.Length)
                return false;
            for (var i = 0; i < words.Length; i++)
                if (!string.Equals(words[i], _words[_next + i], StringComparison.OrdinalIgnoreCase))
                    return false;
            _next += words.Length;
            return true;
        }

        public StepValueException Error(string problem) =>
            StepValueException.Invalid(text, "a description of frames", $"{problem}. Write {Grammar}; e.g. a TCP SYN to 192.168.1.2 port 88.");
    }
}
