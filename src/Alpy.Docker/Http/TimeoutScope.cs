namespace Alpy.Docker.Http;

/// <summary>
/// A caller's cancellation token combined with a deadline, so that a timeout can be told apart from the caller
/// cancelling (the first becomes a <see cref="DockerTimeoutException"/>, the second stays a cancellation).
/// </summary>
internal sealed class TimeoutScope : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly CancellationToken callerToken;

    public TimeoutScope(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A timeout must be positive (or infinite).");
        }

        Timeout = timeout;
        callerToken = cancellationToken;
        source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
    }

    public TimeSpan Timeout { get; }

    public CancellationToken Token => source.Token;

    /// <summary>True when the deadline, not the caller, cancelled the work.</summary>
    public bool TimedOut => source.IsCancellationRequested && !callerToken.IsCancellationRequested;

    public void Dispose() => source.Dispose();
}
