using Alpy.Lab.Apps;
using Alpy.Lab.Docker;
using Alpy.Lab.Images;
using Alpy.Lab.Naming;
using Alpy.Lab.Nodes;
using Alpy.Lab.Runs;
using Alpy.Lab.Topology;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Lab.Tests.Docker;

/// <summary>
/// A lab node without QEMU: a container of the tools image holding a network namespace of its own, as node containers do,
/// so that the lab's Docker layer (app runs, servers, helpers) is tested against the real daemon in seconds. Its run is
/// registered like a lab's, so the lab's reaper removes what a killed test process left; disposal removes the run's
/// containers and its log folder.
/// </summary>
public sealed class NodeFixture : IAsyncLifetime
{
    private RunLease? _lease;

    public NodeFixture() => Removals = new ContainerRemovals(Docker);

    public DockerClient Docker { get; } = LabDockerClient.Create();

    public string ToolsImage { get; private set; } = "";

    public RunId Run => _lease?.Id ?? throw new InvalidOperationException("The fixture did not start.");

    public LabNode Node { get; private set; } = null!;

    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "alpy-test-node-" + Guid.NewGuid().ToString("N")[..8]);

    internal LabNames Names { get; private set; } = null!;

    internal ContainerRemovals Removals { get; }

    internal AppRunner Apps => new(Docker, Removals, Names, ToolsImage, LogDirectory, NullLogger.Instance);

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        ToolsImage = (await new ImageBuilder(Docker).EnsureAsync(LabImages.Tools, token)).Reference;
        _lease = new RunRegistry().Register();
        Names = new LabNames(_lease.Id);
        var name = Names.Container("node0");
        var created = await Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = ToolsImage,
            Entrypoint = ["cat"],
            Cmd = [],
            OpenStdin = true,
            Labels = LabLabels.For(_lease.Id, LabLabels.Node, 0),
            HostConfig = new HostConfig { NetworkMode = "none", CapDrop = ["ALL"], SecurityOpt = ["no-new-privileges"] },
        }, token);
        await Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), token);
        Node = new LabNode
        {
            Name = "node0", ContainerId = created.ID, ContainerName = name, Link = 0, Interface = "lo",
            Ipv4 = SubnetPlan.Parse("127.0.0.0/8", "127.0.0.2", "127.0.0.1"),
        };
    }

    /// <summary>The run's containers of <paramref name="component"/> (app, helper, ...) that still exist.</summary>
    public async Task<IList<ContainerListResponse>> ContainersAsync(string component) =>
        await Docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = DockerCalls.LabelFilter($"{LabLabels.Run}={Run}", $"{LabLabels.Component}={component}"),
        }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Removals.DrainAsync();
        if (_lease is not null)
        {
            foreach (var container in await Support.LabDocker.ContainersOfRunAsync(Docker, _lease.Id.Value))
                await ContainerRun.RemoveAsync(Docker, container.ID);
            _lease.Dispose();
        }
        if (Directory.Exists(LogDirectory))
            Directory.Delete(LogDirectory, recursive: true);
        Docker.Dispose();
    }
}
