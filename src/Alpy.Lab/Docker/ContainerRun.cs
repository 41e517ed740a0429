using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Docker;

/// <summary>
/// Runs a created container to its exit, as <c>docker run</c> does: attach before the start (no output is lost), start, read the
/// output until it ends, wait for the exit code, remove. A container that exited is handed to <see cref="ContainerRemovals"/>, so
/// that its removal is not on the result's path; whatever goes wrong before (a refused start, an overrun, cancellation, a daemon
/// gone), it is removed before the run throws. Reset, teardown and the reaper remove the run's containers by label as well.
/// </summary>
/// <remarks>
/// The wait comes after the start. Docker.DotNet's <c>WaitContainerAsync</c> takes no condition, so it waits for the Engine API's
/// default, "not running", which a created container already is: before the start it returns at once with exit code 0
/// (pinned by <c>ContainerRunTests</c>). And the container is not auto-removed: it must still exist when the wait asks for its
/// exit code, however fast it exited, so the lab removes it itself, once the code is read.
/// </remarks>
internal static class ContainerRun
{
    /// <returns>The exit code and output.</returns>
    /// <param name="removals">Where the exited container's removal goes (its client is the one the run uses).</param>
    /// <param name="id">The created container.</param>
    /// <param name="name">Its name, for messages.</param>
    /// <param name="timeout">How long it may run, from its start to its exit.</param>
    /// <param name="cancellationToken">Cancels the run; the container is removed all the same.</param>
    /// <exception cref="ContainerTimeoutException">It ran longer than <paramref name="timeout"/>: it was killed and removed.</exception>
    /// <exception cref="DockerApiException">The daemon refused to attach or start it (e.g. its program does not exist in the image).</exception>
    /// <exception cref="DockerUnavailableException">The daemon cannot be reached or went away.</exception>
    public static async Task<ContainerExit> RunAsync(ContainerRemovals removals, string id, string name, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var docker = removals.Docker;
        var exited = false;
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
                    exited = true;
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
            if (exited)
                removals.Start(id);
            else
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
