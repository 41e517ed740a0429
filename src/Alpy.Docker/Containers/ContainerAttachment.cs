using Alpy.Docker.Http;
using Alpy.Docker.Streams;

namespace Alpy.Docker;

/// <summary>
/// A connection attached to a container's output (see <see cref="ContainerOperations.AttachAsync"/>): attached
/// before start, it receives everything the container writes even when the container is removed on exit.
/// Dispose it to detach.
/// </summary>
public sealed class ContainerAttachment : IDisposable
{
    private readonly string id;
    private readonly HttpResponseMessage response;
    private readonly bool tty;

    internal ContainerAttachment(string id, HttpResponseMessage response, bool tty)
    {
        this.id = id;
        this.response = response;
        this.tty = tty;
    }

    /// <summary>Reads the output until the container closes its streams (when it exits).</summary>
    /// <exception cref="DockerTimeoutException">The streams stayed open longer than <paramref name="timeout"/>.</exception>
    public Task<ContainerOutput> ReadToEndAsync(TimeSpan timeout, int maxBytesPerStream, CancellationToken cancellationToken = default) =>
        DockerConnection.WithTimeoutAsync($"output of container {id}", timeout, async token =>
        {
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await OutputCollector.CollectAsync(new MultiplexedStreamReader(stream, multiplexed: !tty), maxBytesPerStream, token).ConfigureAwait(false);
            }
        }, cancellationToken);

    public void Dispose() => response.Dispose();
}
