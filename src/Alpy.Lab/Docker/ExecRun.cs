using Docker.DotNet.Models;
using Docker.DotNet;

namespace Alpy.Lab.Docker;

/// <summary>Runs a command in a running container (<c>docker exec</c>) and returns its exit code and output.</summary>
internal static class ExecRun
{
    /// <exception cref="TimeoutException">
    /// It did not end within <paramref name="timeout"/>. Docker cannot kill an exec: it ends with its container.
    /// </exception>
    /// <exception cref="DockerApiException">The daemon refused (the container is not running, ...).</exception>
    /// <exception cref="DockerUnavailableException">The daemon cannot be reached or went away.</exception>
    public static async Task<ContainerExit> RunAsync(IDockerClient docker, string containerId, IReadOnlyList<string> argv, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var exec = await docker.CallAsync(token => docker.Exec.CreateContainerExecAsync(containerId, new ContainerExecCreateParameters
        {
            Cmd = [.. argv],
            AttachStdout = true,
            AttachStderr = true,
        }, token), cancellationToken).ConfigureAwait(false);
        var output = new OutputReader();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await docker.CallAsync(async token =>
            {
                using var stream = await docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), token).ConfigureAwait(false);
                await output.ReadToEndAsync(stream, token).ConfigureAwait(false);
            }, deadline.Token, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{string.Join(' ', argv)} in container {containerId[..Math.Min(12, containerId.Length)]} did not end within {timeout.TotalSeconds:0.###} s "
                + "(Docker cannot kill an exec: it ends with its container).", e);
        }
        var inspected = await docker.CallAsync(token => docker.Exec.InspectContainerExecAsync(exec.ID, token), cancellationToken).ConfigureAwait(false);
        return new ContainerExit(inspected.ExitCode ?? -1, output.Output);
    }
}
