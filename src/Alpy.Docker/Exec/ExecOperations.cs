using System.Diagnostics;
using System.Net.Http.Json;
using Alpy.Docker.Http;
using Alpy.Docker.Json;
using Alpy.Docker.Streams;

namespace Alpy.Docker;

/// <summary>Commands run inside running containers (<c>docker exec</c>).</summary>
public sealed class ExecOperations
{
    /// <summary>At most this many bytes of each of stdout and stderr are kept by <see cref="RunAsync"/>.</summary>
    public const int MaxBytesPerStream = 16 * 1024 * 1024;

    private static readonly TimeSpan ExitCodePollInterval = TimeSpan.FromMilliseconds(10);

    private readonly DockerConnection connection;

    internal ExecOperations(DockerConnection connection) => this.connection = connection;

    /// <summary>Creates an exec instance with its output attached; returns its id.</summary>
    /// <exception cref="DockerConflictException">The container is not running.</exception>
    public async Task<string> CreateAsync(string containerId, ExecSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var created = await connection.SendAsync(
            HttpMethod.Post,
            $"/containers/{PathSegment.Id(containerId, "container")}/exec",
            null,
            JsonContent.Create(ExecCreateBody.From(spec, attach: true), DockerJsonContext.Default.ExecCreateBody),
            DockerJsonContext.Default.IdAnswer,
            cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    /// <summary>Starts an exec instance in the background (its output is discarded).</summary>
    public Task StartDetachedAsync(string execId, CancellationToken cancellationToken = default) =>
        connection.SendAsync(
            HttpMethod.Post,
            $"/exec/{PathSegment.Id(execId, "exec")}/start",
            null,
            JsonContent.Create(new ExecStartBody(Detach: true, Tty: false), DockerJsonContext.Default.ExecStartBody),
            cancellationToken);

    /// <summary>Describes an exec instance: running or not, and its exit code.</summary>
    public Task<ExecInspection> InspectAsync(string execId, CancellationToken cancellationToken = default) =>
        connection.SendAsync(
            HttpMethod.Get, $"/exec/{PathSegment.Id(execId, "exec")}/json", null, null, DockerJsonContext.Default.ExecInspection, cancellationToken);

    /// <summary>Runs a command in a running container to completion and returns its exit code and output.</summary>
    /// <param name="containerId">The running container.</param>
    /// <param name="spec">The command.</param>
    /// <param name="timeout">How long it may run; Docker cannot kill an exec, so on timeout it keeps running until its container stops.</param>
    /// <param name="cancellationToken">Cancels waiting for it.</param>
    /// <exception cref="DockerTimeoutException">It did not finish in time.</exception>
    public async Task<ExecResult> RunAsync(string containerId, ExecSpec spec, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var execId = await CreateAsync(containerId, spec, cancellationToken).ConfigureAwait(false);
        var path = $"/exec/{PathSegment.Id(execId, "exec")}/start";
        var what = $"exec {string.Join(' ', spec.Cmd)} in container {containerId}";
        return await DockerConnection.WithTimeoutAsync(what, timeout, async token =>
        {
            ContainerOutput output;
            using (var response = await connection.SendAsync(
                           HttpMethod.Post,
                           path,
                           null,
                           JsonContent.Create(new ExecStartBody(Detach: false, spec.Tty), DockerJsonContext.Default.ExecStartBody),
                           HttpCompletionOption.ResponseHeadersRead,
                           token)
                       .ConfigureAwait(false))
            {
                // The daemon hijacks the connection: the output follows the headers until the command's streams close.
                var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    output = await OutputCollector.CollectAsync(new MultiplexedStreamReader(stream, multiplexed: !spec.Tty), MaxBytesPerStream, token)
                        .ConfigureAwait(false);
                }
            }

            // The streams close as the process exits; the daemon records the exit code a moment later.
            while (true)
            {
                var state = await InspectAsync(execId, token).ConfigureAwait(false);
                if (!state.Running && state.ExitCode is { } exitCode)
                {
                    return new ExecResult(exitCode, output, Stopwatch.GetElapsedTime(started));
                }

                await Task.Delay(ExitCodePollInterval, token).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
