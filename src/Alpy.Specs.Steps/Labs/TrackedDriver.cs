using Alpy.Specs.Steps.Dut;

namespace Alpy.Specs.Steps.Labs;

/// <summary>Tells its lab before each configuration step, so the pool knows the DUT left its baseline (and can prepare it).</summary>
internal sealed class TrackedDriver(IDutDriver inner, Func<CancellationToken, Task> beforeConfiguration) : IDutDriver
{
    public async Task SetForwardingAsync(bool enabled, CancellationToken cancellationToken = default)
    {
        await beforeConfiguration(cancellationToken).ConfigureAwait(false);
        await inner.SetForwardingAsync(enabled, cancellationToken).ConfigureAwait(false);
    }

    public async Task FilterAsync(FilterRule rule, CancellationToken cancellationToken = default)
    {
        await beforeConfiguration(cancellationToken).ConfigureAwait(false);
        await inner.FilterAsync(rule, cancellationToken).ConfigureAwait(false);
    }

    public async Task RerouteAsync(RerouteRule rule, CancellationToken cancellationToken = default)
    {
        await beforeConfiguration(cancellationToken).ConfigureAwait(false);
        await inner.RerouteAsync(rule, cancellationToken).ConfigureAwait(false);
    }

    public async Task MasqueradeAsync(MasqueradeRule rule, CancellationToken cancellationToken = default)
    {
        await beforeConfiguration(cancellationToken).ConfigureAwait(false);
        await inner.MasqueradeAsync(rule, cancellationToken).ConfigureAwait(false);
    }

    public async Task LimitAsync(RateLimitRule rule, CancellationToken cancellationToken = default)
    {
        await beforeConfiguration(cancellationToken).ConfigureAwait(false);
        await inner.LimitAsync(rule, cancellationToken).ConfigureAwait(false);
    }

    public async Task BalanceAsync(BalanceRule rule, CancellationToken cancellationToken = default)
    {
        await beforeConfiguration(cancellationToken).ConfigureAwait(false);
        await inner.BalanceAsync(rule, cancellationToken).ConfigureAwait(false);
    }
}
