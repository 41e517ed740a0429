using System.Collections.Immutable;
using System.Net;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Dut;

/// <summary>
/// Drop or reject the traffic <see cref="Traffic"/> names, among what the DUT forwards. Stateful, as gateways filter:
/// the rule stops flows (connections, UDP exchanges, pings) that start on its <c>from</c> side; the packets of flows
/// started on the other side, their replies and the ICMP errors about them pass. With <see cref="RepliesIncluded"/>
/// it is stateless: every matching packet, whatever flow it belongs to.
/// </summary>
public sealed record FilterRule(FilterAction Action, TrafficSelector Traffic, bool RepliesIncluded = false)
{
    public override string ToString() => $"{(Action == FilterAction.Drop ? "drop" : "reject")} {Traffic}{(RepliesIncluded ? ", replies included" : "")}";
}

/// <summary>Connections to <see cref="Port"/> (any destination) go to <see cref="ToAddress"/>:<see cref="ToPort"/> instead (DNAT).</summary>
public sealed record RerouteRule(TrafficProtocol Protocol, Port Port, IPAddress ToAddress, Port ToPort)
{
    public override string ToString() => $"reroute {Protocol.Name()} port {Port} to {ToAddress} port {ToPort}";
}

/// <summary>Traffic leaving through <see cref="Out"/> carries the DUT's address on that interface as its source.</summary>
public sealed record MasqueradeRule(DutPort Out)
{
    public override string ToString() => $"masquerade traffic leaving {Out}";
}

/// <summary>Traffic the DUT sends through <see cref="Out"/> is held to <see cref="Rate"/>.</summary>
public sealed record RateLimitRule(DutPort Out, Rate Rate)
{
    public override string ToString() => $"limit traffic leaving {Out} to {Rate}";
}

/// <summary>One backend of a <see cref="BalanceRule"/> and its share of new connections.</summary>
public sealed record Backend(IPAddress Address, int Weight);

/// <summary>New connections to <see cref="Address"/>:<see cref="Port"/> are spread over the backends in proportion to their weights.</summary>
public sealed record BalanceRule(TrafficProtocol Protocol, IPAddress Address, Port Port, ImmutableArray<Backend> Backends)
{
    /// <summary>The most backends one rule may have.</summary>
    public const int MaxBackends = 16;

    public override string ToString() =>
        $"balance {Protocol.Name()} port {Port} of {Address} across {string.Join(", ", Backends.Select(b => $"{b.Address} (weight {b.Weight})"))}";
}
