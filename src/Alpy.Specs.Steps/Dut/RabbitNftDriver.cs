using System.Globalization;
using System.Text;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Dut;

/// <summary>
/// The default driver: configures Rabbit (or any Linux DUT with nft, tc and /proc/sys) over its console. Filter
/// rules go to the forward chain of table <c>inet alpy</c> (stateful unless a rule says otherwise), reroutes and balancing to the prerouting chain and
/// masquerade to the postrouting chain of table <c>inet alpy_nat</c>, rate limits to a tbf qdisc. The inet tables see
/// both families: a filter rule covers IPv4 and IPv6 unless it names one (<c>meta nfproto</c>), a reroute or balance
/// applies to the family of its addresses, masquerade to both (NAT66 for IPv6). Each rule is one
/// console line: <c>nft 'SETUP; add rule ...'</c>, where the setup (tables and chains) is idempotent and every
/// value is a validated number, address or interface name, and the whole script is quoted. Interface names follow
/// Rabbit's contract: link N is ethN, VLAN V on link N is ethN.V.
/// </summary>
public sealed class RabbitNftDriver(IDutConsole console) : IDutDriver
{
    /// <summary>The chains the rules go to, created on first use (the DUT's reset flushes them).</summary>
    internal const string Setup =
        "add table inet alpy; add chain inet alpy forward { type filter hook forward priority filter; policy accept; }; "
        + "add table inet alpy_nat; add chain inet alpy_nat prerouting { type nat hook prerouting priority dstnat; }; "
        + "add chain inet alpy_nat postrouting { type nat hook postrouting priority srcnat; }";

    public Task SetForwardingAsync(bool enabled, CancellationToken cancellationToken = default)
    {
        var value = enabled ? "1" : "0";
        return RunAsync(enabled ? "forward traffic" : "do not forward traffic",
            $"echo {value} > /proc/sys/net/ipv4/ip_forward && echo {value} > /proc/sys/net/ipv6/conf/all/forwarding", cancellationToken);
    }

    public Task FilterAsync(FilterRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        // Stateful: conntrack marks the packets of flows already let through (and replies to them) established, and
        // ICMP errors about them related; the rule sees only the rest (new flows, and packets of no known flow).
        string[] parts = [rule.RepliesIncluded ? "" : "ct state != { established, related }", Match(rule.Traffic), Verdict(rule)];
        return NftAsync(rule.ToString(), "add rule inet alpy forward " + string.Join(' ', parts.Where(p => p.Length > 0)), cancellationToken);
    }

    public Task RerouteAsync(RerouteRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var family = Nfproto(rule.ToAddress);
        return NftAsync(rule.ToString(),
            $"add rule inet alpy_nat prerouting meta nfproto {family} {Transport(rule.Protocol)} dport {rule.Port} dnat {Ip(family)} to {Values.IpAddressText.ForPort(rule.ToAddress)}:{rule.ToPort}",
            cancellationToken);
    }

    public Task MasqueradeAsync(MasqueradeRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return NftAsync(rule.ToString(), $"add rule inet alpy_nat postrouting oifname \"{Interface(rule.Out)}\" masquerade", cancellationToken);
    }

    public Task LimitAsync(RateLimitRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        // tbf shapes (queues) rather than polices (drops), so TCP settles at the rate instead of sawing below it.
        // The bucket holds 100 ms of traffic (at least one full frame) and the queue 200 ms: an emulated DUT whose
        // vCPU is descheduled for a while (TCG on a busy host) catches up on the tokens it missed instead of losing
        // them, and TCP does not collapse on tail drops. A 3 s measurement overshoots by at most the bucket (3 %).
        var burst = Math.Max(1600, (long)(rule.Rate.BitsPerSecond / 8 / 10));
        return RunAsync(rule.ToString(), string.Create(CultureInfo.InvariantCulture,
            $"tc qdisc replace dev {Interface(rule.Out)} root tbf rate {rule.Rate.Kilobits}kbit burst {burst} latency 200ms"), cancellationToken);
    }

    public Task BalanceAsync(BalanceRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        // numgen inc counts new connections (NAT chains see only a connection's first packet); each backend owns
        // as many consecutive counter values as its weight, so the spread is exact, not random.
        var map = new StringBuilder();
        var next = 0;
        foreach (var backend in rule.Backends)
        {
            if (map.Length > 0)
                map.Append(", ");
            var last = next + backend.Weight - 1;
            map.Append(last == next ? next.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{next}-{last}"))
                .Append(" : ").Append(backend.Address);
            next = last + 1;
        }

        var ip = Ip(Nfproto(rule.Address));
        return NftAsync(rule.ToString(), string.Create(CultureInfo.InvariantCulture,
            $"add rule inet alpy_nat prerouting {ip} daddr {rule.Address} {Transport(rule.Protocol)} dport {rule.Port} dnat {ip} to numgen inc mod {next} map {{ {map} }}"),
            cancellationToken);
    }

    /// <summary>Rabbit's name of a DUT interface: ethN, or ethN.V for a VLAN.</summary>
    internal static string Interface(DutPort port) => port.Vlan is null
        ? string.Create(CultureInfo.InvariantCulture, $"eth{port.Link}")
        : string.Create(CultureInfo.InvariantCulture, $"eth{port.Link}.{port.Vlan}");

    private static string Match(TrafficSelector traffic)
    {
        var parts = new List<string>();
        if (traffic.Family is { } family)
            parts.Add(family == IpFamily.Ipv6 ? "meta nfproto ipv6" : "meta nfproto ipv4");
        if (traffic.From is { } from)
            parts.Add($"iifname \"{Interface(from)}\"");
        if (traffic.To is { } to)
            parts.Add($"oifname \"{Interface(to)}\"");
        if (traffic.Protocol is { } protocol)
            parts.Add(traffic.Port is { } port ? $"{Transport(protocol)} dport {port}"
                : protocol != TrafficProtocol.Icmp ? $"meta l4proto {Transport(protocol)}"
                : traffic.Family switch
                {
                    IpFamily.Ipv4 => "meta l4proto icmp",
                    IpFamily.Ipv6 => "meta l4proto ipv6-icmp",
                    _ => "meta l4proto { icmp, ipv6-icmp }", // "ICMP" in words: ping and its errors in either family
                });
        return string.Join(' ', parts); // no protocol: all the traffic the forward chain sees
    }

    private static string Verdict(FilterRule rule) => rule.Action switch
    {
        FilterAction.Drop => "drop",
        _ when rule.Traffic.Protocol == TrafficProtocol.Tcp => "reject with tcp reset",
        _ => "reject with icmpx type port-unreachable",
    };

    /// <summary>nft's name of the address's family (meta nfproto).</summary>
    private static string Nfproto(System.Net.IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4";

    /// <summary>nft's protocol word for addresses of the family: ip or ip6.</summary>
    private static string Ip(string nfproto) => nfproto == "ipv6" ? "ip6" : "ip";

    private static string Transport(TrafficProtocol protocol) => protocol switch
    {
        TrafficProtocol.Tcp => "tcp",
        TrafficProtocol.Udp => "udp",
        TrafficProtocol.Icmp => "icmp",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };

    private Task NftAsync(string what, string rule, CancellationToken cancellationToken) =>
        RunAsync(what, "nft " + ShellQuoting.Quote($"{Setup}; {rule}"), cancellationToken);

    private async Task RunAsync(string what, string command, CancellationToken cancellationToken)
    {
        var result = await console.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw DutConfigurationException.Refused("Rabbit's nft driver", what, result);
    }
}
