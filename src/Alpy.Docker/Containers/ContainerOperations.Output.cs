using System.Runtime.CompilerServices;
using Alpy.Docker.Http;
using Alpy.Docker.Streams;

namespace Alpy.Docker;

// This part: a container's output, as logs read at once or followed, or by attaching to its streams.
public sealed partial class ContainerOperations
{
    private const int FollowChunkSize = 16 * 1024;

    /// <summary>Reads what a container has written so far, stdout and stderr apart.</summary>
    /// <exception cref="DockerNotFoundException">There is no such container (an auto-removed one takes its logs with it).</exception>
    public Task<ContainerOutput> GetLogsAsync(string id, ContainerLogsOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ContainerLogsOptions();
        var path = $"/containers/{PathSegment.Id(id, "container")}/logs";
        var query = LogsQuery(options, follow: false);
        return DockerConnection.WithTimeoutAsync(DockerConnection.Describe(HttpMethod.Get, path, query), options.Timeout, async token =>
        {
            using var response = await connection.SendAsync(HttpMethod.Get, path, query, null, HttpCompletionOption.ResponseHeadersRead, token)
                .ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var reader = new MultiplexedStreamReader(stream, multiplexed: !options.Tty);
                return await OutputCollector.CollectAsync(reader, options.MaxBytesPerStream, token).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Streams a container's output as it is written, until the container stops, <see cref="ContainerLogsOptions.Timeout"/>
    /// passes (a <see cref="DockerTimeoutException"/>) or the caller stops enumerating.
    /// </summary>
    public async IAsyncEnumerable<OutputChunk> FollowLogsAsync(
        string id, ContainerLogsOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new ContainerLogsOptions();
        var path = $"/containers/{PathSegment.Id(id, "container")}/logs";
        var query = LogsQuery(options, follow: true);
        var what = DockerConnection.Describe(HttpMethod.Get, path, query);
        using var scope = new TimeoutScope(options.Timeout, cancellationToken);
        using var response = await Guard(what, scope, () =>
            connection.SendAsync(HttpMethod.Get, path, query, null, HttpCompletionOption.ResponseHeadersRead, scope.Token)).ConfigureAwait(false);
        var stream = await Guard(what, scope, () => response.Content.ReadAsStreamAsync(scope.Token)).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var reader = new MultiplexedStreamReader(stream, multiplexed: !options.Tty);
            var buffer = new byte[FollowChunkSize];
            while (true)
            {
                var (kind, count) = await Guard(what, scope, () => reader.ReadAsync(buffer, scope.Token).AsTask()).ConfigureAwait(false);
                if (count == 0)
                {
                    yield break;
                }

                yield return new OutputChunk(kind, buffer.AsSpan(0, count).ToArray());
            }
        }
    }

    /// <summary>
    /// Attaches to a container's stdout and stderr and returns once attached: attach before
    /// <see cref="StartAsync"/> to receive all output, also of a container that removes itself on exit.
    /// </summary>
    /// <param name="id">The container.</param>
    /// <param name="tty">The container was created with <see cref="ContainerSpec.Tty"/>.</param>
    /// <param name="cancellationToken">Cancels attaching.</param>
    public async Task<ContainerAttachment> AttachAsync(string id, bool tty = false, CancellationToken cancellationToken = default)
    {
        var path = $"/containers/{PathSegment.Id(id, "container")}/attach";
        var query = new QueryString().Add("stream", true).Add("stdout", true).Add("stderr", true);

        // The daemon takes the connection over and sends the headers once attached; the output follows until exit.
        var response = await DockerConnection.WithTimeoutAsync(
            DockerConnection.Describe(HttpMethod.Post, path, query),
            connection.Options.RequestTimeout,
            token => connection.SendAsync(HttpMethod.Post, path, query, null, HttpCompletionOption.ResponseHeadersRead, token),
            cancellationToken).ConfigureAwait(false);
        return new ContainerAttachment(id, response, tty);
    }

    private static QueryString LogsQuery(ContainerLogsOptions options, bool follow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxBytesPerStream);
        return new QueryString()
            .Add("stdout", options.Stdout)
            .Add("stderr", options.Stderr)
            .Add("follow", follow)
            .Add("timestamps", options.Timestamps)
            .Add("since", options.Since?.ToUnixTimeSeconds())
            .Add("tail", options.Tail?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<T> Guard<T>(string what, TimeoutScope scope, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (scope.TimedOut)
        {
            throw new DockerTimeoutException($"Docker {what} did not finish within {scope.Timeout.TotalSeconds:0.###} s.", scope.Timeout, e);
        }
    }
}
