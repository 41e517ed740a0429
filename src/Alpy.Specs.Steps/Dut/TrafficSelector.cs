using System.Text;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Dut;

/// <summary>
/// The traffic a DUT rule names, in the words of the steps: <c>ICMP</c>, <c>TCP port 8080</c>,
/// <c>UDP port 5353 from link 0 to link 1</c>, <c>traffic from VLAN 10 on link 1 to VLAN 20 on link 1</c>.
/// A null protocol means all IP traffic. A leading <c>IPv4</c> or <c>IPv6</c> limits the rule to that family
/// (<c>IPv4 TCP port 22</c>); without it a rule covers both, as a tester means "drop SSH" (ICMP then means ICMP and ICMPv6).
/// </summary>
public sealed record TrafficSelector(TrafficProtocol? Protocol, Port? Port = null, DutPort? From = null, DutPort? To = null)
{
    /// <summary>The grammar, for messages and the step catalogue.</summary>
    public const string Grammar = "[IPv4 | IPv6] ICMP | TCP | UDP | traffic, then optionally: port P, from ENDPOINT, to ENDPOINT (ENDPOINT: link N or VLAN V on link N)";

    /// <summary>The one family the rule is limited to; null for both.</summary>
    public IpFamily? Family { get; init; }

    /// <exception cref="StepValueException">The text does not follow <see cref="Grammar"/>, or names a port for ICMP or all traffic.</exception>
    public static TrafficSelector Parse(string? text)
    {
        var words = new Words(text ?? "", "traffic", $"write {Grammar}; e.g. TCP port 8080 from link 0 to link 1.");
        var first = words.Next();
        var family = IpFamilies.TryParse(first);
        if (family is not null)
            first = words.Next();
        TrafficProtocol? protocol = string.Equals(first, "traffic", StringComparison.OrdinalIgnoreCase) ? null
            : first is not null && first.ToUpperInvariant() is "TCP" or "UDP" or "ICMP" ? TrafficProtocols.Parse(first)
            : throw words.Error(family is null
                ? $"it starts with \"{StepValueException.Shown(first)}\", not IPv4, IPv6, ICMP, TCP, UDP or traffic"
                : $"\"{StepValueException.Shown(first)}\" follows {family.Value.Name()}, not ICMP, TCP, UDP or traffic");
        Port? port = null;
        DutPort? from = null, to = null;
        while (words.Next() is { } word)
        {
            switch (word)
            {
                case "port" when port is null && from is null && to is null:
                    if (protocol is not (TrafficProtocol.Tcp or TrafficProtocol.Udp))
                        throw words.Error($"{(protocol is null ? "all traffic" : "ICMP")} has no ports; name TCP or UDP to give a port");
                    port = Values.Port.Parse(words.Next());
                    break;
                case "from" when from is null && to is null:
                    from = Endpoint(words);
                    break;
                case "to" when to is null:
                    to = Endpoint(words);
                    break;
                default:
                    throw words.Error($"\"{StepValueException.Shown(word)}\" is not expected there");
            }
        }

        return new TrafficSelector(protocol, port, from, to) { Family = family };
    }

    public override string ToString()
    {
        var text = new StringBuilder(Family is { } family ? family.Name() + " " : "").Append(Protocol?.Name() ?? "traffic");
        if (Port is { } port)
            text.Append(" port ").Append(port);
        if (From is not null)
            text.Append(" from ").Append(From);
        if (To is not null)
            text.Append(" to ").Append(To);
        return text.ToString();
    }

    private static DutPort Endpoint(Words words)
    {
        var word = words.Next();
        if (word == "link")
            return new DutPort(LinkNumber.Parse(words.Next()));
        if (word == "VLAN")
        {
            var vlan = LinkNumber.ParseVlan(words.Next());
            if (words.Next() != "on" || words.Next() != "link")
                throw words.Error("write VLAN V on link N, e.g. VLAN 10 on link 1");
            return new DutPort(LinkNumber.Parse(words.Next()), vlan);
        }

        throw words.Error($"\"{StepValueException.Shown(word)}\" is not an endpoint; write link N or VLAN V on link N");
    }

    /// <summary>Reads space-separated words; errors quote the whole text.</summary>
    private sealed class Words(string text, string what, string hint)
    {
        private readonly string[] _words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        private int _next;

        public string? Next() => _next < _words.Length ? _words[_next++] : null;

        public StepValueException Error(string problem) => StepValueException.Invalid(text, $"a description of {what}", $"{problem}; {hint}");
    }
}
