using System.Diagnostics;
using Alpy.Docker;

namespace Alpy.Lab.Apps;

/// <summary>
/// One app container run to its exit with as few round trips on the result's path as the Engine API allows: the
/// daemon removes the container itself (<see cref="HostConfig.AutoRemove"/>), so removal is not waited for; attach
/// and wait are registered together, both before the start, so neither output nor a fast exit can be missed.
/// Whatever goes wrong before the exit, the container is force-removed; reset and teardown remove the run's apps
/// by label as well, and the daemon removes an auto-removed container even when the lab process died.
/// </summary>
internal static class AppRun
{
    /// <summary>How long the output may take to end after the container exited or was killed.</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    private const int MaxBytesPerStream = 16 * 1024 * 1024;

    /// <exception cref="DockerTimeoutException">It ran longer than <paramref name="timeout"/>; it was killed.</exception>
    /// <exception cref="DockerException">It could not be created or started.</exception>
    public static async Task<ContainerRunResult> RunAsync(DockerClient docker, ContainerSpec spec, string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var containers = docker.Containers;
        var id = (await containers.CreateAsync(spec with { HostConfig = spec.HostConfig! with { AutoRemove = true } }, name, cancellationToken).ConfigureAwait(false)).Id;
        var exited = false;
        Task<ContainerAttachment>? attaching = null;
        Task<ContainerWait>? waiting = null;
        try
        {
            attaching = containers.AttachAsync(id, tty: false, cancellationToken);
            waiting = containers.BeginWaitAsync(id, WaitCondition.NextExit, cancellationToken);
            await Task.WhenAll(attaching, waiting).ConfigureAwait(false);
            await containers.StartAsync(id, cancellationToken).ConfigureAwait(false);

            // Read while it runs: the streams close when it exits or is killed.
            var reading = attaching.Result.ReadToEndAsync(timeout + OutputGrace, MaxBytesPerStream, cancellationToken);
            ContainerExit exit;
            try
            {
                exit = await waiting.Result.GetExitAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerTimeoutException e)
            {
                await RemoveQuietlyAsync(docker, id).ConfigureAwait(false);
                var soFar = await OutputAfterKillAsync(reading).ConfigureAwait(false);
                throw new DockerTimeoutException(
                    $"Container {name} did not exit within {timeout.TotalSeconds:0.###} s; it was killed and removed. "
                    + $"Output so far: stdout «{Tail(soFar.Stdout)}» stderr «{Tail(soFar.Stderr)}»", timeout, e);
            }

            exited = true;
            var output = await reading.ConfigureAwait(false);
            if (exit.Error?.Message is { Length: > 0 } error)
                throw new DockerException($"Docker reported an error while waiting for container {name}: {error}", null, error);
            return new ContainerRunResult(id, exit.StatusCode, output, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            DisposeQuietly(attaching);
            DisposeQuietly(waiting);
            if (!exited)
                await RemoveQuietlyAsync(docker, id).ConfigureAwait(false);
        }
    }

    private static async Task<ContainerOutput> OutputAfterKillAsync(Task<ContainerOutput> reading)
    {
        try
        {
            return await reading.WaitAsync(OutputGrace).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerException or TimeoutException or OperationCanceledException)
        {
            return ContainerOutput.Empty;
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : "…" + text[^2000..];

    private static void DisposeQuietly<T>(Task<T>? task)
        where T : IDisposable
    {
        if (task is { IsCompletedSuccessfully: true })
            task.Result.Dispose();
        else
            task?.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>A run that did not get to its exit (a failed start, a timeout, cancellation) must still leave nothing behind.</summary>
    private static async Task RemoveQuietlyAsync(DockerClient docker, string id)
    {
        try
        {
            // Not the caller's token: a cancelled run must still be removed.
            await docker.Containers.RemoveAsync(id, force: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerException)
        {
            // Removed by the daemon meanwhile (auto-remove), or the daemon is gone: reset, teardown and the reaper remove it by label.
        }
    }
}
