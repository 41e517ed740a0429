using System.Diagnostics;

namespace Alpy.Docker;

public sealed partial class ContainerOperations
{
    /// <summary>
    /// Runs a container to completion like <c>docker run --rm</c>: create, register the wait, start, wait, read its
    /// output, remove. The container is removed whatever happens (timeout, cancellation, a failed start).
    /// </summary>
    /// <param name="spec">What to run; <see cref="HostConfig.AutoRemove"/> must be off (the output is read after the exit).</param>
    /// <param name="options">Name, timeout and output limit.</param>
    /// <param name="cancellationToken">Cancels the run; the container is still removed.</param>
    /// <exception cref="DockerTimeoutException">It ran longer than the timeout; the message carries the output so far.</exception>
    /// <exception cref="DockerException">It could not be created or started; the daemon's message says why.</exception>
    public async Task<ContainerRunResult> RunAsync(ContainerSpec spec, ContainerRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new ContainerRunOptions();
        if (spec.HostConfig?.AutoRemove == true)
        {
            throw new ArgumentException("RunAsync reads the output after the exit, so HostConfig.AutoRemove must be off; RunAsync removes the container itself.", nameof(spec));
        }

        var started = Stopwatch.GetTimestamp();
        var created = await CreateAsync(spec, options.Name, cancellationToken).ConfigureAwait(false);
        try
        {
            ContainerExit exit;
            using (var wait = await BeginWaitAsync(created.Id, WaitCondition.NextExit, cancellationToken).ConfigureAwait(false))
            {
                await StartAsync(created.Id, cancellationToken).ConfigureAwait(false);
                try
                {
                    exit = await wait.GetExitAsync(options.Timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (DockerTimeoutException e)
                {
                    var soFar = await TryGetLogsAsync(created.Id, spec.Tty).ConfigureAwait(false);
                    throw new DockerTimeoutException(
                        $"Container {options.Name ?? created.Id} ({spec.Image} {string.Join(' ', spec.Cmd ?? [])}) did not exit within "
                        + $"{options.Timeout.TotalSeconds:0.###} s; it was killed and removed. Output so far: stdout «{Tail(soFar.Stdout)}» stderr «{Tail(soFar.Stderr)}»",
                        options.Timeout,
                        e);
                }
            }

            var duration = Stopwatch.GetElapsedTime(started);
            var output = await GetLogsAsync(
                created.Id, new ContainerLogsOptions { Tty = spec.Tty, MaxBytesPerStream = options.MaxBytesPerStream }, cancellationToken).ConfigureAwait(false);
            Log.ContainerRan(logger, created.Id, spec.Image, exit.StatusCode, duration.TotalMilliseconds);
            if (exit.Error?.Message is { Length: > 0 } error)
            {
                throw new DockerException($"Docker reported an error while waiting for container {created.Id} ({spec.Image}): {error}", null, error);
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

    private async Task<ContainerOutput> TryGetLogsAsync(string id, bool tty)
    {
        try
        {
            return await GetLogsAsync(id, new ContainerLogsOptions { Tty = tty, Tail = 50, Timeout = TimeSpan.FromSeconds(5) }).ConfigureAwait(false);
        }
        catch (DockerException)
        {
            return ContainerOutput.Empty;
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : "…" + text[^2000..];
}
