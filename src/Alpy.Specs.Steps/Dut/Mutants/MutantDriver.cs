using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Dut.Mutants;

/// <summary>
/// Wraps a real driver and makes the mistakes in <see cref="Mutants"/> (only in the suite's self-test, never by
/// default). Everything else goes to the real driver unchanged.
/// </summary>
public sealed class MutantDriver(IDutDriver inner, DutMutant mutants) : IDutDriver
{
    public DutMutant Mutants { get; } = mutants;

    public Task SetForwardingAsync(bool enabled, CancellationToken cancellationToken = default) =>
        !enabled && Mutants.HasFlag(DutMutant.KeepForwarding) ? Task.CompletedTask : inner.SetForwardingAsync(enabled, cancellationToken);

    public Task FilterAsync(FilterRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (Mutants.HasFlag(DutMutant.IgnoreFilters))
            return Task.CompletedTask;
        if (Mutants.HasFlag(DutMutant.StatelessFilters))
            rule = rule with { RepliesIncluded = true };
        if (Mutants.HasFlag(DutMutant.ForgetIpv6) && rule.Traffic.Family is null)
            rule = rule with { Traffic = rule.Traffic with { Family = IpFamily.Ipv4 } };
        return inner.FilterAsync(rule, cancellationToken);
    }

    public Task RerouteAsync(RerouteRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return inner.RerouteAsync(
            Mutants.HasFlag(DutMutant.RerouteWrongPort) ? rule with { ToPort = Port.Of(rule.ToPort.Number % 65535 + 1) } : rule,
            cancellationToken);
    }

    public Task MasqueradeAsync(MasqueradeRule rule, CancellationToken cancellationToken = default) =>
        Mutants.HasFlag(DutMutant.ForgetMasquerade) ? Task.CompletedTask : inner.MasqueradeAsync(rule, cancellationToken);

    public Task LimitAsync(RateLimitRule rule, CancellationToken cancellationToken = default) =>
        Mutants.HasFlag(DutMutant.NoRateLimit) ? Task.CompletedTask : inner.LimitAsync(rule, cancellationToken);

    public Task BalanceAsync(BalanceRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return inner.BalanceAsync(
            Mutants.HasFlag(DutMutant.FirstBackendOnly) ? rule with { Backends = [rule.Backends[0]] } : rule,
            cancellationToken);
    }
}
