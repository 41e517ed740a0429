using Alpy.Docker.Http;
using Alpy.Docker.Json;

namespace Alpy.Docker;

/// <summary>
/// A wait the daemon has registered (see <see cref="ContainerOperations.BeginWaitAsync"/>): the answer's body
/// arrives when the condition holds. Dispose it to give the wait up.
/// </summary>
public sealed class ContainerWait : IDisposable
{
    private readonly string id;
    private readonly HttpResponseMessage response;

    internal ContainerWait(string id, HttpResponseMessage response)
    {
        this.id = id;
        this.response = response;
    }

    /// <summary>Waits for the condition and returns the exit status.</summary>
    /// <exception cref="DockerTimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public async Task<ContainerExit> GetExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            return await DockerConnection.WithTimeoutAsync(
                    $"wait for container {id}",
                    timeout,
                    token => DockerConnection.ReadJsonAsync(response, DockerJsonContext.Default.ContainerExit, $"wait for container {id}", token),
                    cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerTimeoutException e)
        {
            throw new DockerTimeoutException(
                $"Container {id} did not exit within {timeout.TotalSeconds:0.###} s; it may still be running (kill or remove it).", timeout, e);
        }
    }

    public void Dispose() => response.Dispose();
}
