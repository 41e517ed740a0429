using System.Globalization;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Frames;

/// <summary>
/// Turns the steps' words for frames into a BPF filter: "a TCP SYN to 192.168.1.2 port 88", "no ICMP echo request",
/// "2 UDP packets from 192.168.1.1", "an ICMP echo request to 192.168.20.2 with TTL 63 tagged with VLAN 20". Only
/// validated numbers and addresses go into the filter. Without a VLAN qualifier, tagged and untagged frames match.
/// </summary>
public static class FrameDescription
{
    /// <summary>The grammar, for messages and the step catalogue.</summary>
    public const string Grammar =
        "[a | an | no | N | at least N | at most N] [untagged] KIND [from ADDRESS [port P]] [to ADDRESS [port P] | to port P] [with TTL N] [tagged with VLAN V]";

    /// <summary>The kinds of frame, their words (singular, plural) and filters.</summary>
    public static IReadOnlyList<(string Singular, string Plural, string Filter, bool HasPorts)> Kinds { get; } =
    [
        ("TCP SYN", "TCP SYNs", "tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn", true),
        ("TCP reset", "TCP resets", "tcp[tcpflags] & tcp-rst != 0", true),
        ("TCP packet", "TCP packets", "tcp", true),
        ("UDP packet", "UDP packets", "udp", true),
        ("ICMP echo request", "ICMP echo requests", "icmp[icmptype] == icmp-echo", false),
        ("ICMP echo reply", "ICMP echo replies", "icmp[icmptype] == icmp-echoreply", false),
        ("ICMP port unreachable", "ICMP port unreachables", "icmp[icmptype] == icmp-unreach and icmp[icmpcode] == 3", false),
        ("ICMP unreachable", "ICMP unreachables", "icmp[icmptype] == icmp-unreach", false),
        ("ICMP time exceeded", "ICMP time exceeded", "icmp[icmptype] == icmp-timxceed", false),
        ("ICMP packet", "ICMP packets", "icmp", false),
        ("IP packet", "IP packets", "ip", true),
        ("traffic", "traffic", "ip", true),
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
        bool from = false, to = false, ttl = false, tagged = false;
        while (reader.Peek() is { } word)
        {
            if (word == "from" && !from && !to && !ttl && !tagged)
            {
                reader.Next();
                from = true;
                parts.Add($"src host {Ipv4.Parse(reader.Next())}");
                if (reader.Peek() == "port")
                    parts.Add($"src port {PortAfter(reader, kind.HasPorts)}");
            }
            else if (word == "to" && !to && !ttl && !tagged)
            {
                reader.Next();
                to = true;
                if (reader.Peek() != "port")
                    parts.Add($"dst host {Ipv4.Parse(reader.Next())}");
                if (reader.Peek() == "port")
                    parts.Add($"dst port {PortAfter(reader, kind.HasPorts)}");
            }
            else if (word == "with" && !ttl && !tagged)
            {
                reader.Next();
                reader.Expect("TTL", "write with TTL N");
                var value = reader.Next();
                parts.Add("ip[8] == " + (NodeRef.Number(value ?? "", 0, 255) ?? throw reader.Error($"\"{StepValueException.Shown(value)}\" is not a TTL (0 to 255)")).ToString(CultureInfo.InvariantCulture));
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

    private static (string Filter, bool HasPorts) Kind(WordReader reader)
    {
        foreach (var (singular, plural, filter, hasPorts) in Kinds.OrderByDescending(k => k.Singular.Length))
        {
            foreach (var phrase in new[] { plural, singular })
            {
                if (reader.TryTake(phrase))
                    return (filter, hasPorts);
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
