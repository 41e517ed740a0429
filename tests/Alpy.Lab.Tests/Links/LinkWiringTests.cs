using Alpy.Lab.Docker;
using Alpy.Lab.Helpers;
using Alpy.Lab.Links;
using Alpy.Lab.Naming;
using Alpy.Lab.Nodes;
using Alpy.Lab.Runs;
using Alpy.Lab.Tests.Support;
using Alpy.Lab.Topology;
using Docker.DotNet;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Lab.Tests.Links;

/// <summary>
/// The link wiring against the real Docker daemon, without QEMU: taps made by a helper on the host,
/// nodes created, taps moved into them and configured there, and nothing left afterwards.
/// </summary>
[Trait("Category", "integration")]
public sealed class LinkWiringTests(ToolsImageFixture tools) : IClassFixture<ToolsImageFixture>
{
    [Fact]
    public async Task Given_two_links_When_wired_Then_each_node_holds_its_tap_with_its_address_and_route()
    {
        using var docker = LabDocker.Client();
        using var lease = new RunRegistry().Register();
        var run = lease.Id;
        var (wiring, helpers) = Wiring(docker, run, LabTopology.WithLinks(2));
        try
        {
            await wiring.CreateHostTapsAsync(0, TestContext.Current.CancellationToken);
            LabDocker.HostTapsOfRun(run.Value).Should().BeEquivalentTo($"alpy{run}t0", $"alpy{run}t1");
            await wiring.StartNodesAsync(TestContext.Current.CancellationToken);

            await wiring.ConnectAsync(TestContext.Current.CancellationToken);

            LabDocker.HostTapsOfRun(run.Value).Should().BeEmpty("every tap moved into its node");
            var node1 = wiring.Nodes.Single(n => n.Name == "node1");
            var addresses = await ExecRun.RunAsync(docker, node1.ContainerId, ["ip", "-o", "address", "show", "dev", node1.Interface],
                TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            addresses.Output.Stdout.Should().Contain("inet 192.168.1.2/24");
            var routes = await ExecRun.RunAsync(docker, node1.ContainerId, ["ip", "route"], TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            routes.Output.Stdout.Should().Contain($"default via 192.168.1.1 dev {node1.Interface}");
        }
        finally
        {
            await TearDownAsync(docker, run, wiring);
        }
        (await LabDocker.ContainersOfRunAsync(docker, run.Value)).Should().BeEmpty();
        LabDocker.HostTapsOfRun(run.Value).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_taps_never_moved_When_torn_down_Then_the_leftover_host_taps_are_deleted()
    {
        using var docker = LabDocker.Client();
        using var lease = new RunRegistry().Register();
        var run = lease.Id;
        var (wiring, _) = Wiring(docker, run, LabTopology.WithLinks(2));
        await wiring.CreateHostTapsAsync(0, TestContext.Current.CancellationToken);
        LabDocker.HostTapsOfRun(run.Value).Should().HaveCount(2);

        await TearDownAsync(docker, run, wiring);

        LabDocker.HostTapsOfRun(run.Value).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_node_whose_tap_never_arrives_When_waiting_Then_the_error_names_the_node_and_interface()
    {
        using var docker = LabDocker.Client();
        using var lease = new RunRegistry().Register();
        var run = lease.Id;
        var (wiring, _) = Wiring(docker, run, LabTopology.WithLinks(1), nodeTimeout: TimeSpan.FromSeconds(1));
        try
        {
            await wiring.StartNodesAsync(TestContext.Current.CancellationToken);
            var launcher = new NodeLauncher(docker, new LabNames(run), tools.Image);

            var act = () => launcher.WaitReadyAsync(wiring.Nodes[0], TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

            (await act.Should().ThrowAsync<LabException>()).Which.Message
                .Should().Contain("node0").And.Contain($"alpy{run}t0").And.Contain("within 1 s");
        }
        finally
        {
            await TearDownAsync(docker, run, wiring);
        }
    }

    private (LinkWiring Wiring, HelperRunner Helpers) Wiring(IDockerClient docker, RunId run, LabTopology topology, TimeSpan? nodeTimeout = null)
    {
        var names = new LabNames(run);
        var helpers = new HelperRunner(docker, new ContainerRemovals(docker), names, tools.Image, TimeSpan.FromSeconds(30), NullLogger.Instance);
        var launcher = new NodeLauncher(docker, names, tools.Image);
        var timeouts = new LabTimeouts { Node = nodeTimeout ?? TimeSpan.FromSeconds(30) };
        return (new LinkWiring(topology, new TapPlan(topology, names), helpers, launcher, new VlanBridgeLauncher(docker, names, tools.Image), timeouts), helpers);
    }

    private static async Task TearDownAsync(IDockerClient docker, RunId run, LinkWiring wiring)
    {
        foreach (var container in await LabDocker.ContainersOfRunAsync(docker, run.Value))
            await ContainerRun.RemoveAsync(docker, container.ID);
        await wiring.DeleteLeftoverHostTapsAsync(run, CancellationToken.None);
    }
}
