using Alpy.Docker;
using Alpy.Lab.Naming;
using Alpy.Lab.Nodes;
using Microsoft.Extensions.Logging;

namespace Alpy.Lab.Apps;

/// <summary>
/// Runs commands in app containers that share a node's network namespace. Arguments are argv
/// arrays handed to Docker as they are: no shell ever joins or splits them.
/// </summary>
internal sealed class AppRunner(DockerClient docker, LabNames names, string toolsImage, string logDirectory, ILogger logger)
{
    /// <summary>Runs <paramref name="argv"/> to completion in <paramref name="node"/>'s namespace.</summary>
    public async Task<AppResult> RunAsync(LabNode node, IReadOnlyList<string> argv, AppOptions? options, CancellationToken cancellationToken)
    {
        options ??= new AppOptions();
        var (spec, name) = Spec(node, argv, options);
        ContainerRunResult run;
        try
        {
            run = await AppRun.RunAsync(docker, spec, name, options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerNotFoundException e)
        {
            throw MissingImage(spec.Image, node, e);
        }
        catch (DockerTimeoutException e)
        {
            throw new LabException($"App {name} in {node.Name} ({string.Join(' ', argv)}) did not finish within {options.Timeout.TotalSeconds:0.#} s; it was killed. {e.Message}", e);
        }
        catch (DockerException e)
        {
            throw new LabException($"App {name} in {node.Name} ({string.Join(' ', argv)}) could not run: {e.Message}", e);
        }
        var result = new AppResult(name, argv, run.ExitCode, run.Stdout, run.Stderr, run.Duration);
        Log.AppRan(logger, name, node.Name, result.ExitCode, result.Duration.TotalMilliseconds);
        await AppLogs.SaveAsync(logDirectory, node.Name, result).ConfigureAwait(false);
        return result;
    }

    /// <summary>Starts <paramref name="argv"/> in the background in <paramref name="node"/>'s namespace.</summary>
    public async Task<AppServer> StartAsync(LabNode node, IReadOnlyList<string> argv, AppOptions? options, CancellationToken cancellationToken)
    {
        options ??= new AppOptions();
        var (spec, name) = Spec(node, argv, options);
        string? id = null;
        try
        {
            id = (await docker.Containers.CreateAsync(spec, name, cancellationToken).ConfigureAwait(false)).Id;
            await docker.Containers.StartAsync(id, cancellationToken).ConfigureAwait(false);
            Log.AppStarted(logger, name, node.Name);
            return new AppServer(docker, node, name, id, argv, logDirectory, logger);
        }
        catch (Exception e) when (e is DockerException or OperationCanceledException)
        {
            if (id is not null)
                await docker.Containers.RemoveAsync(id, force: true, CancellationToken.None).ConfigureAwait(false);
            throw e is DockerNotFoundException && id is null ? MissingImage(spec.Image, node, e)
                : e is DockerException ? new LabException($"App {name} in {node.Name} ({string.Join(' ', argv)}) could not start: {e.Message}", e)
                : e;
        }
    }

    private (ContainerSpec Spec, string Name) Spec(LabNode node, IReadOnlyList<string> argv, AppOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0)
            throw new ArgumentException("An app needs a command: argv is empty.", nameof(argv));
        options.Validate();
        var name = names.Unique(options.Role);
        var spec = new ContainerSpec
        {
            Image = options.Image ?? toolsImage,
            Entrypoint = argv,
            Cmd = [],
            Environment = options.Environment,
            Labels = LabLabels.For(names.Run, LabLabels.App, node.Link, node.VlanId),
            HostConfig = new HostConfig
            {
                NetworkMode = NamespaceMode.Container(node.ContainerId),
                CapDrop = ["ALL"],
                CapAdd = ["NET_RAW", "NET_BIND_SERVICE", .. options.ExtraCapabilities],
                SecurityOpt = ["no-new-privileges"],
            },
        };
        return (spec, name);
    }

    private static LabException MissingImage(string image, LabNode node, Exception inner) => new(
        $"Could not run an app in {node.Name}: image '{image}' does not exist. Images are never pulled here: build it first "
        + "(the lab's tools image has busybox, socat, iperf3 and iproute2; an image of your own can be built with the lab's image builder).", inner);
}
