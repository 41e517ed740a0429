using System.Diagnostics;

namespace Alpy.Docker;

public sealed partial class ContainerOperations
{
    /// <summary>How long the output may take to end after the container exited or was killed.</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs a container to completion as <c>docker run --rm</c> does: create, attach to its output, register the wait,
    /// start, read the output until the container exits, remove. Output comes from the attached streams, so it does
    /// not depend on the daemon's log driver. The container is removed whatever happens (timeout, cancellation,
    /// a failed start).
    /// </summary>
    /// <param name="spec">What to run; <see cref="HostConfig.AutoRemove"/> must be off (the run removes the container itself).</param>
    /// <param name="options">Name, timeout and output limit.</param>
    /// <param name="cancellationToken">Cancels the run; the container is still removed.</param>
    /// <exception cref="DockerTimeoutException">It ran longer than the timeout; it was killed, and the message carries its output.</exception>
    /// <exception cref="DockerException">It could not be created or started; the daemon's message says why.</exception>
    public async Task<ContainerRunResult> RunAsync(ContainerSpec spec, ContainerRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new ContainerRunOptions();
        if (spec.HostConfig?.AutoRemove == true)
        {
            throw new ArgumentException("RunAsync removes the container itself after reading its exit, so HostConfig.AutoRemove must be off.", nameof(spec));
        }

        var started = Stopwatch.GetTimestamp();
        var created = await CreateAsync(spec, options.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            using var attachment = await AttachAsync(created.Id, spec.Tty, cancellationToken).ConfigureAwait(false);
            using var wait = await BeginWaitAsync(created.Id, WaitCondition.NextExit, cancellationToken).ConfigureAwait(false);
            await StartAsync(created.Id, cancellationToken).ConfigureAwait(false);

            // Read while it runs: the streams close when it exits or is killed.
            var reading = attachment.ReadToEndAsync(options.Timeout + OutputGrace, options.MaxBytesPerStream, cancellationToken);
            ContainerExit exit;
            try
            {
                exit = await wait.GetExitAsync(options.Timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerTimeoutException e)
            {
                await KillQuietlyAsync(created.Id).ConfigureAwait(false);
                var soFar = await OutputAfterKillAsync(reading).ConfigureAwait(false);
                throw new DockerTimeoutException(
                    $"Container {options.Name ?? created.Id} ({Describe(spec)}) did not exit within {options.Timeout.TotalSeconds:0.###} s; "
                    + $"it was killed and removed. Output so far: stdout «{Tail(soFar.Stdout)}» stderr «{Tail(soFar.Stderr)}»",
                    options.Timeout,
                    e);
            }

            var duration = Stopwatch.GetElapsedTime(started);
            var output = await reading.ConfigureAwait(false);
            Log.ContainerRan(logger, created.Id, spec.Image, exit.StatusCode, duration.TotalMilliseconds);
            if (exit.Error?.Message is { Length: > 0 } error)
            {
                throw new DockerException($"Docker reported an error while waiting for container {created.Id} ({Describe(spec)}): {error}", null, error);
            }

            return new ContainerRunResult(created.Id, exit.StatusCode, output, duration);
        }
        finally
        {
            await RemoveQuietlyAsync(created.Id).ConfigureAwait(false);
        }
    }

    /// <summary>Removes a container after a run without letting a failure of that hide the run's own outcome.</summary>
    private async Task RemoveQuietlyAsync(string id)
    {
        try
        {
            // Not the caller's token: a cancelled run must still leave nothing behind.
            await RemoveAsync(id, force: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerNotFoundException)
        {
            // Already gone: what removal wanted.
        }
        catch (DockerException e)
        {
            Log.CleanupFailed(logger, id, e.Message);
        }
    }

    private async Task KillQuietlyAsync(string id)
    {
        try
        {
            await KillAsync(id, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerException e) when (e is DockerConflictException or DockerNotFoundException)
        {
            // It exited (or went) on its own meanwhile.
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

    private static string Describe(ContainerSpec spec) => string.Join(' ', [spec.Image, .. spec.Entrypoint ?? [], .. spec.Cmd ?? []]);

    private static string Tail(string text) => text.Length <= 2000 ? text : "…" + text[^2000..];
}
