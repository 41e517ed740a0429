using System.Diagnostics;
using Alpy.Lab.Docker;
using Alpy.Lab.Naming;
using Alpy.Lab.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Alpy.Lab.Apps;

/// <summary>
/// Runs commands in app containers that share a node's network namespace. Arguments are argv
/// arrays handed to Docker as they are: no shell ever joins or splits them. A finished app's
/// container is removed off the result's path (<see cref="ContainerRemovals"/>).
/// </summary>
internal sealed class AppRunner(IDockerClient docker, ContainerRemovals removals, LabNames names, string toolsImage, string logDirectory, ILogger logger)
{
    /// <summary>Runs <paramref name="argv"/> to completion in <paramref name="node"/>'s namespace.</summary>
    public async Task<AppResult> RunAsync(LabNode node, IReadOnlyList<string> argv, AppOptions? options, CancellationToken cancellationToken)
    {
        options ??= new AppOptions();
        var (parameters, name) = Parameters(node, argv, options);
        var started = Stopwatch.GetTimestamp();
        ContainerExit exit;
        try
        {
            var id = await CreateAsync(parameters, cancellationToken).ConfigureAwait(false);
            exit = await ContainerRun.RunAsync(removals, id, name, options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException e)
        {
            throw MissingImage(parameters.Image, node, e);
        }
        catch (ContainerTimeoutException e)
        {
            throw new LabException($"App {name} in {node.Name} ({string.Join(' ', argv)}) did not finish within {options.Timeout.TotalSeconds:0.#} s; "
                                   + $"it was killed and removed. {e.OutputSoFar}", e);
        }
        catch (Exception e) when (e is DockerApiException or LabException)
        {
            throw new LabException($"App {name} in {node.Name} ({string.Join(' ', argv)}) could not run: {Said(e)}", e);
        }
        var result = new AppResult(name, argv, exit.ExitCode, exit.Output.Stdout, exit.Output.Stderr, Stopwatch.GetElapsedTime(started));
        Log.AppRan(logger, name, node.Name, result.ExitCode, result.Duration.TotalMilliseconds);
        await AppLogs.SaveAsync(logDirectory, node.Name, result).ConfigureAwait(false);
        return result;
    }

    /// <summary>Starts <paramref name="argv"/> in the background in <paramref name="node"/>'s namespace.</summary>
    public async Task<AppServer> StartAsync(LabNode node, IReadOnlyList<string> argv, AppOptions? options, CancellationToken cancellationToken)
    {
        options ??= new AppOptions();
        var (parameters, name) = Parameters(node, argv, options);
        string id;
        try
        {
            id = await CreateAsync(parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException e)
        {
            throw MissingImage(parameters.Image, node, e);
        }
        try
        {
            await docker.CallAsync(token => docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), token), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerApiException or LabException or OperationCanceledException)
        {
            await ContainerRun.RemoveAsync(docker, id).ConfigureAwait(false);
            throw e is OperationCanceledException ? e : new LabException($"App {name} in {node.Name} ({string.Join(' ', argv)}) could not start: {Said(e)}", e);
        }
        Log.AppStarted(logger, name, node.Name);
        return new AppServer(docker, node, name, id, argv, logDirectory, logger);
    }

    private async Task<string> CreateAsync(CreateContainerParameters parameters, CancellationToken cancellationToken) =>
        (await docker.CallAsync(token => docker.Containers.CreateContainerAsync(parameters, token), cancellationToken).ConfigureAwait(false)).ID;

    private (CreateContainerParameters Parameters, string Name) Parameters(LabNode node, IReadOnlyList<string> argv, AppOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0)
            throw new ArgumentException("An app needs a command: argv is empty.", nameof(argv));
        if (argv.Any(arg => arg is null || arg.Contains('\0', StringComparison.Ordinal)))
            throw new ArgumentException("An app's argv may not hold null or NUL characters.", nameof(argv));
        options.Validate();
        var name = names.Unique(options.Role);
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = options.Image ?? toolsImage,
            Entrypoint = [.. argv],
            Cmd = [],
            Env = options.Environment?.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
            Labels = LabLabels.For(names.Run, LabLabels.App, node.Link, node.VlanId),
            HostConfig = new HostConfig
            {
                NetworkMode = "container:" + node.ContainerId,
                CapDrop = ["ALL"],
                CapAdd = ["NET_RAW", "NET_BIND_SERVICE", .. options.ExtraCapabilities],
                SecurityOpt = ["no-new-privileges"],
            },
        };
        return (parameters, name);
    }

    private static string Said(Exception e) => e is DockerApiException api ? DaemonMessage.Of(api) : e.Message;

    private static LabException MissingImage(string image, LabNode node, Exception inner) => new(
        $"Could not run an app in {node.Name}: image '{image}' does not exist. Images are never pulled here: build it first "
        + "(the lab's tools image has busybox, socat, iperf3 and iproute2; an image of your own can be built with the lab's image builder).", inner);
}
