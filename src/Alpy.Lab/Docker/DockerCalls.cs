using Docker.DotNet;

namespace Alpy.Lab.Docker;

/// <summary>
/// How the lab calls Docker.DotNet: every call under a deadline, and a daemon that cannot be reached, stops answering or drops the
/// connection turned into a <see cref="DockerUnavailableException"/> naming the endpoint and the next step. The daemon's own
/// refusals (<see cref="DockerApiException"/>, with Docker.DotNet's not-found subclasses) pass through; <see cref="DaemonMessage"/>
/// gives their words.
/// </summary>
internal static class DockerCalls
{
    /// <summary>Runs <paramref name="call"/> with a token that ends at <paramref name="timeout"/> (default: the client's request timeout).</summary>
    public static async Task<T> CallAsync<T>(this IDockerClient docker, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken,
        TimeSpan? timeout = null)
    {
        var limit = timeout ?? docker.Options.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            return await call(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (DockerUnavailableException.Explain(docker.Options.Endpoint, e, limit, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <inheritdoc cref="CallAsync{T}"/>
    public static Task CallAsync(this IDockerClient docker, Func<CancellationToken, Task> call, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        docker.CallAsync(async token =>
        {
            await call(token).ConfigureAwait(false);
            return true;
        }, cancellationToken, timeout);

    /// <summary>Docker's list filter for objects carrying every one of <paramref name="labels"/> (<c>key</c> or <c>key=value</c>).</summary>
    public static IDictionary<string, IDictionary<string, bool>> LabelFilter(params IEnumerable<string> labels) =>
        new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
        {
            ["label"] = labels.ToDictionary(label => label, _ => true, StringComparer.Ordinal),
        };
}
