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
        return Mutants.HasFlag(DutMutant.IgnoreFilters) ? Task.CompletedTask
            : inner.FilterAsync(Mutants.HasFlag(DutMutant.StatelessFilters) ? rule with { RepliesIncluded = true } : rule, cancellationToken);
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
