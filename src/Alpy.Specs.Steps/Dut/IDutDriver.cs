namespace Alpy.Specs.Steps.Dut;

/// <summary>
/// The seam between the steps and an appliance: every DUT-configuration step goes through these few verbs in
/// domain words. Rabbit's <see cref="RabbitNftDriver"/> is the default; a team's appliance implements this
/// interface (e.g. with its own CLI over the console) and reuses every traffic and capture step. The baseline
/// between scenarios is restored by the appliance's reset command, not by the driver. Every value reaching a
/// driver was validated; a driver still quotes what it puts on a console line.
/// </summary>
public interface IDutDriver
{
    /// <summary>Routes between links (the baseline) or stops forwarding altogether.</summary>
    Task SetForwardingAsync(bool enabled, CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops or rejects the traffic a rule names. The contract is a stateful gateway's: the rule applies to flows that
    /// start with a matching packet (a TCP SYN, the first UDP datagram, an echo request); packets of flows that
    /// started otherwise, their replies and the ICMP errors related to them pass, even when they match the rule's
    /// words (a rule against ICMP from link 2 to link 0 leaves link 0's own pings to link 2 working). A rule with
    /// <see cref="FilterRule.RepliesIncluded"/> is stateless and applies to every matching packet.
    /// </summary>
    Task FilterAsync(FilterRule rule, CancellationToken cancellationToken = default);

    /// <summary>Redirects connections for a port to another address and port.</summary>
    Task RerouteAsync(RerouteRule rule, CancellationToken cancellationToken = default);

    /// <summary>Masquerades traffic leaving through an interface.</summary>
    Task MasqueradeAsync(MasqueradeRule rule, CancellationToken cancellationToken = default);

    /// <summary>Holds traffic leaving through an interface to a rate.</summary>
    Task LimitAsync(RateLimitRule rule, CancellationToken cancellationToken = default);

    /// <summary>Spreads new connections to one address over backends by weight.</summary>
    Task BalanceAsync(BalanceRule rule, CancellationToken cancellationToken = default);
}
