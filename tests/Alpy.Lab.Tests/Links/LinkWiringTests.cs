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
    public async Task Given_a_dual_stack_link_When_wired_Then_the_node_has_IPv6_on_its_addresses_usable_at_once_and_its_first_address_as_source()
    {
        using var docker = LabDocker.Client();
        using var lease = new RunRegistry().Register();
        var run = lease.Id;
        var topology = new LabTopology
        {
            Links =
            [
                new LinkSpec { Ipv4 = SubnetPlan.Parse("192.168.0.0/24", "192.168.0.1", "192.168.0.2") },
                new LinkSpec
                {
                    Ipv4 = SubnetPlan.Parse("192.168.1.0/24", "192.168.1.1", "192.168.1.2"),
                    Ipv6 = SubnetPlan.Parse("2001:db8:1::/64", "2001:db8:1::1", "2001:db8:1::2", "2001:db8:1::3"),
                },
            ],
        };
        var (wiring, _) = Wiring(docker, run, topology.Validate());
        try
        {
            await wiring.CreateHostTapsAsync(0, TestContext.Current.CancellationToken);
            await wiring.StartNodesAsync(TestContext.Current.CancellationToken);

            await wiring.ConnectAsync(TestContext.Current.CancellationToken);

            var node1 = wiring.Nodes.Single(n => n.Name == "node1");
            var addresses = (await ExecRun.RunAsync(docker, node1.ContainerId, ["ip", "-6", "-o", "address", "show", "dev", node1.Interface],
                TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Output.Stdout;
            addresses.Should().MatchRegex("inet6 2001:db8:1::2/64 scope global nodad", "Docker's IPv6-off default is undone and DAD is not waited for")
                .And.MatchRegex("inet6 2001:db8:1::3/64 scope global nodad deprecated", "a further address is no source of the node's own traffic")
                .And.NotContain("tentative");
            var routes = await ExecRun.RunAsync(docker, node1.ContainerId, ["ip", "-6", "route"], TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            routes.Output.Stdout.Should().Contain($"default via 2001:db8:1::1 dev {node1.Interface}");
            var node0 = wiring.Nodes.Single(n => n.Name == "node0");
            var v4only = await ExecRun.RunAsync(docker, node0.ContainerId, ["cat", "/proc/sys/net/ipv6/conf/all/disable_ipv6"], TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            v4only.Output.Stdout.Trim().Should().Be("1", "an IPv4-only link's node keeps Docker's default");
        }
        finally
        {
            await TearDownAsync(docker, run, wiring);
        }
        (await LabDocker.ContainersOfRunAsync(docker, run.Value)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_an_IPv6_only_link_When_wired_Then_the_node_has_its_IPv6_address_and_default_route_and_nothing_of_IPv4()
    {
        using var docker = LabDocker.Client();
        using var lease = new RunRegistry().Register();
        var run = lease.Id;
        var topology = new LabTopology { Links = [new LinkSpec { Ipv6 = SubnetPlan.Parse("2001:db8::/64", "2001:db8::1", "2001:db8::2") }] };
        var (wiring, _) = Wiring(docker, run, topology.Validate());
        try
        {
            await wiring.CreateHostTapsAsync(0, TestContext.Current.CancellationToken);
            await wiring.StartNodesAsync(TestContext.Current.CancellationToken);

            await wiring.ConnectAsync(TestContext.Current.CancellationToken);

            var node0 = wiring.Nodes.Single();
            node0.Address.ToString().Should().Be("2001:db8::2", "an IPv6-only node's primary address is its IPv6 one");
            node0.DutAddress.ToString().Should().Be("2001:db8::1");
            var addresses = (await ExecRun.RunAsync(docker, node0.ContainerId, ["ip", "-o", "address", "show", "dev", node0.Interface],
                TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Output.Stdout;
            addresses.Should().MatchRegex("inet6 2001:db8::2/64 scope global nodad").And.NotContain("inet ").And.NotContain("tentative");
            var routes6 = await ExecRun.RunAsync(docker, node0.ContainerId, ["ip", "-6", "route"], TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            routes6.Output.Stdout.Should().Contain($"default via 2001:db8::1 dev {node0.Interface}");
            var routes4 = await ExecRun.RunAsync(docker, node0.ContainerId, ["ip", "-4", "route"], TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            routes4.Output.Stdout.Trim().Should().BeEmpty("an IPv6-only node has no IPv4 route");
        }
        finally
        {
            await TearDownAsync(docker, run, wiring);
        }
        (await LabDocker.ContainersOfRunAsync(docker, run.Value)).Should().BeEmpty();
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
