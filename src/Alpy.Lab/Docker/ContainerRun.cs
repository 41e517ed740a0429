using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Docker;

/// <summary>
/// Runs a created container to its exit, as <c>docker run</c> does: attach before the start (no output is lost), start, read the
/// output until it ends, wait for the exit code, remove. Whatever goes wrong (a refused start, an overrun, cancellation, a daemon
/// gone), the container is removed before the run returns or throws; reset, teardown and the reaper remove it by label otherwise.
/// </summary>
/// <remarks>
/// The wait comes after the start. Docker.DotNet's <c>WaitContainerAsync</c> takes no condition, so it waits for the Engine API's
/// default, "not running", which a created container already is: before the start it returns at once with exit code 0
/// (pinned by <c>ContainerRunTests</c>). And the container is not auto-removed: it must still exist when the wait asks for its
/// exit code, however fast it exited, so the run removes it itself.
/// </remarks>
internal static class ContainerRun
{
    /// <returns>The exit code and output.</returns>
    /// <exception cref="ContainerTimeoutException">It ran longer than <paramref name="timeout"/>: it was killed and removed.</exception>
    /// <exception cref="DockerApiException">The daemon refused to attach or start it (e.g. its program does not exist in the image).</exception>
    /// <exception cref="DockerUnavailableException">The daemon cannot be reached or went away.</exception>
    public static async Task<ContainerExit> RunAsync(IDockerClient docker, string id, string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var attached = await docker.CallAsync(token => docker.Containers.AttachContainerAsync(id,
                new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true }, token), cancellationToken).ConfigureAwait(false);
            using (attached)
            {
                await docker.CallAsync(token => docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), token), cancellationToken)
                    .ConfigureAwait(false);
                var output = new OutputReader();
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(timeout);
                try
                {
                    // The output ends when the container exits (or closes both streams): then the wait returns its code.
                    var exit = await docker.CallAsync(async token =>
                    {
                        await output.ReadToEndAsync(attached, token).ConfigureAwait(false);
                        return await docker.Containers.WaitContainerAsync(id, token).ConfigureAwait(false);
                    }, deadline.Token, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
                    if (exit.Error?.Message is { Length: > 0 } error)
                        throw new LabException($"Docker could not tell how container {name} ended: {error}");
                    return new ContainerExit(exit.StatusCode, output.Output);
                }
                catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // Removed (so killed) below, before the caller sees the error.
                    throw new ContainerTimeoutException(name, timeout, output.Output, e);
                }
            }
        }
        finally
        {
            await RemoveAsync(docker, id).ConfigureAwait(false);
        }
    }

    /// <summary>Force-removes the container (killing it if it runs). Not the caller's token: a cancelled run must still leave nothing behind.</summary>
    public static async Task RemoveAsync(IDockerClient docker, string id)
    {
        try
        {
            await docker.CallAsync(token => docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, token),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Gone already: what was wanted.
        }
        catch (Exception e) when (e is DockerApiException or DockerUnavailableException)
        {
            // The daemon refuses (removal already in progress) or is gone: reset, teardown and the reaper remove it by label.
        }
    }
}

/// <summary>How a container ended.</summary>
internal sealed record ContainerExit(long ExitCode, ContainerOutput Output);

/// <summary>A container ran longer than it was allowed to; it was killed and removed.</summary>
internal sealed class ContainerTimeoutException(string name, TimeSpan timeout, ContainerOutput soFar, Exception innerException)
    : LabException($"Container {name} did not finish within {timeout.TotalSeconds:0.###} s; it was killed and removed. {Describe(soFar)}", innerException)
{
    /// <summary>What it wrote before it was killed, for a message: "Output so far: stdout «…» stderr «…»".</summary>
    public string OutputSoFar { get; } = Describe(soFar);

    private static string Describe(ContainerOutput output) => $"Output so far: stdout «{Tail(output.Stdout)}» stderr «{Tail(output.Stderr)}»";

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : "…" + text[^2000..].Trim();
}
