using System.Diagnostics;
using Alpy.Lab.Docker;
using Alpy.Lab.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Alpy.Lab.Apps;

/// <summary>
/// An app container running in the background (a server, a capture, a load generator): wait until
/// it listens or prints something, later wait for its exit or stop it. Disposing stops and removes
/// it; its output is saved in the run folder either way. Every failure is a <see cref="LabException"/>
/// naming the app, its node and command.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private readonly IDockerClient _docker;
    private readonly string _logDirectory;
    private readonly ILogger _logger;
    private readonly long _started = Stopwatch.GetTimestamp();
    private AppResult? _result;

    internal AppServer(IDockerClient docker, LabNode node, string name, string id, IReadOnlyList<string> argv, string logDirectory, ILogger logger)
    {
        _docker = docker;
        Node = node;
        ContainerName = name;
        ContainerId = id;
        Argv = argv;
        _logDirectory = logDirectory;
        _logger = logger;
    }

    /// <summary>The node whose namespace it runs in.</summary>
    public LabNode Node { get; }

    /// <summary>The container's name.</summary>
    public string ContainerName { get; }

    /// <summary>The container's id.</summary>
    public string ContainerId { get; }

    /// <summary>The command it runs.</summary>
    public IReadOnlyList<string> Argv { get; }

    /// <summary>
    /// Waits until a socket listens on <paramref name="port"/> in the node's namespace (read from
    /// /proc/net inside the server's container). Fails at once, with the server's output, if it exits.
    /// </summary>
    public async Task WaitForPortAsync(int port, TransportProtocol protocol = TransportProtocol.Tcp, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        await PollAsync($"listen on {protocol.ToString().ToUpperInvariant()} port {port}", timeout ?? TimeSpan.FromSeconds(10), async token =>
        {
            try
            {
                var exec = await ExecRun.RunAsync(_docker, ContainerId, ["cat", .. ListeningSockets.Files(protocol)], TimeSpan.FromSeconds(5), token)
                    .ConfigureAwait(false);
                return ListeningSockets.Contains(exec.Output.Stdout, port, protocol);
            }
            catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                return false; // It exited since it was inspected: the next round says how.
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until the server's stdout or stderr contains <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return PollAsync($"print «{text}»", timeout ?? TimeSpan.FromSeconds(10), async token =>
        {
            var output = await ContainerLogs.ReadAsync(_docker, ContainerId, token).ConfigureAwait(false);
            return output.Stdout.Contains(text, StringComparison.Ordinal) || output.Stderr.Contains(text, StringComparison.Ordinal);
        }, cancellationToken);
    }

    /// <summary>What the server wrote so far.</summary>
    public Task<ContainerOutput> OutputAsync(CancellationToken cancellationToken = default) =>
        ExplainAsync("read the output of", () => ContainerLogs.ReadAsync(_docker, ContainerId, cancellationToken));

    /// <summary>Waits for the server to exit by itself and returns how it ended.</summary>
    public async Task<AppResult> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (_result is not null)
            return _result;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // Started already, so Docker.DotNet's condition-less wait (not running) means its exit.
            var exit = await ExplainAsync("wait for", () => _docker.CallAsync(token => _docker.Containers.WaitContainerAsync(ContainerId, token),
                deadline.Token, Timeout.InfiniteTimeSpan)).ConfigureAwait(false);
            return await FinishAsync(exit.StatusCode, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new LabException($"App {Described} did not exit within {timeout.TotalSeconds:0.#} s; stop it instead.", e);
        }
    }

    /// <summary>Stops the server (SIGTERM, then SIGKILL after <paramref name="gracePeriod"/>, default 2 s) and returns how it ended.</summary>
    public async Task<AppResult> StopAsync(TimeSpan? gracePeriod = null, CancellationToken cancellationToken = default)
    {
        if (_result is not null)
            return _result;
        var grace = gracePeriod ?? TimeSpan.FromSeconds(2);
        var state = await ExplainAsync("stop", async () =>
        {
            await _docker.CallAsync(token => _docker.Containers.StopContainerAsync(ContainerId,
                new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Ceiling(grace.TotalSeconds) }, token),
                cancellationToken, grace + LabDockerClient.RequestTimeout).ConfigureAwait(false);
            return await _docker.CallAsync(token => _docker.Containers.InspectContainerAsync(ContainerId, token), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return await FinishAsync(state.State?.ExitCode ?? -1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops (if running) and removes the container; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_result is null)
                await StopAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
        }
        catch (LabException e)
        {
            Log.RemoveFailed(_logger, ContainerName, e.Message);
        }
        await ContainerRun.RemoveAsync(_docker, ContainerId).ConfigureAwait(false);
    }

    /// <summary>The container, its node and its command, for messages: "alpy-RUN-server-2 in node1 (socat ...)".</summary>
    private string Described => $"{ContainerName} in {Node.Name} ({string.Join(' ', Argv)})";

    private async Task<AppResult> FinishAsync(long exitCode, CancellationToken cancellationToken)
    {
        var output = await OutputAsync(cancellationToken).ConfigureAwait(false);
        _result = new AppResult(ContainerName, Argv, exitCode, output.Stdout, output.Stderr, Stopwatch.GetElapsedTime(_started));
        await AppLogs.SaveAsync(_logDirectory, Node.Name, _result).ConfigureAwait(false);
        return _result;
    }

    /// <summary>Runs a Docker step on this server; what the daemon refuses becomes a <see cref="LabException"/> naming the app.</summary>
    private async Task<T> ExplainAsync<T>(string what, Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException e)
        {
            throw new LabException($"Could not {what} app {Described}: it is gone (a lab reset removes every app).", e);
        }
        catch (Exception e) when (e is DockerApiException or TimeoutException)
        {
            var said = e is DockerApiException api ? DaemonMessage.Of(api) : e.Message;
            throw new LabException($"Could not {what} app {Described}: {said}", e);
        }
    }

    private async Task PollAsync(string what, TimeSpan timeout, Func<CancellationToken, Task<bool>> ready, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var state = await ExplainAsync("check", () => _docker.CallAsync(token => _docker.Containers.InspectContainerAsync(ContainerId, token), cts.Token))
                    .ConfigureAwait(false);
                if (state.State is not { Running: true })
                {
                    var ended = await FinishAsync(state.State?.ExitCode ?? -1, cts.Token).ConfigureAwait(false);
                    throw new LabException(
                        $"App {Described} exited with {ended.ExitCode} before it would {what}: "
                        + $"stdout «{ended.Stdout.Trim()}» stderr «{ended.Stderr.Trim()}».");
                }
                if (await ExplainAsync("check", () => ready(cts.Token)).ConfigureAwait(false))
                    return;
                await Task.Delay(PollInterval, cts.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LabException(
                $"App {Described} did not {what} within {timeout.TotalSeconds:0.#} s.", e);
        }
    }
}
