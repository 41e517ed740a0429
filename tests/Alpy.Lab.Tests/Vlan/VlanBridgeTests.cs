using System.Diagnostics;
using Alpy.Lab.Tests.Support;

namespace Alpy.Lab.Tests.Vlan;

/// <summary>
/// The user-space 802.1Q bridge on its own, without Docker or QEMU: two bridges face each other
/// across a veth pair (the "link"); each hands its VLAN's frames to a tap moved into a namespace
/// of its own, exactly as the lab moves a VLAN tap into a VLAN node.
/// </summary>
[Trait("Category", "integration")]
public sealed class VlanBridgeTests(VlanBridgeFixture bridge) : IClassFixture<VlanBridgeFixture>
{
    [Fact]
    public async Task Given_bridges_on_both_ends_of_a_link_When_a_vlan_node_pings_its_peer_Then_it_answers_and_the_link_carries_tagged_frames()
    {
        await using var world = new NetnsWorld();
        var (left, right) = await WireAsync(world, leftVid: 10, rightVid: 10);
        var pcap = Path.Combine(Path.GetTempPath(), world.Prefix + ".pcap");
        try
        {
            var dump = world.Start(left.LinkNs, "tcpdump", "-n", "-U", "-c", "4", "-i", left.Link, "-w", pcap, "vlan 10 and icmp");
            await WaitForFileAsync(pcap);

            var ping = await NetnsWorld.ExecAsync(left.VlanNs, "busybox", "ping", "-c", "2", "-W", "2", right.Address);

            ping.ExitCode.Should().Be(0, ping.Stdout + ping.Stderr);
            await dump.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            var frames = await HostCommand.RunAsync("tcpdump", "-n", "-e", "-r", pcap);
            frames.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Should().HaveCount(4, "two echo requests and two replies cross the link")
                .And.OnlyContain(line => line.Contains("vlan 10", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(pcap);
        }
    }

    [Fact]
    public async Task Given_bridges_on_different_vlans_When_a_vlan_node_pings_the_other_side_Then_nothing_answers()
    {
        await using var world = new NetnsWorld();
        var (left, right) = await WireAsync(world, leftVid: 10, rightVid: 20);

        var ping = await NetnsWorld.ExecAsync(left.VlanNs, "busybox", "ping", "-c", "1", "-W", "1", right.Address);

        ping.ExitCode.Should().Be(1, "a frame tagged 10 is not delivered to VLAN 20's tap");
    }

    [Theory]
    [InlineData("eth0")]
    [InlineData("eth0", "0=t1")]
    [InlineData("eth0", "4095=t1")]
    [InlineData("eth0", "10=t1", "10=t2")]
    [InlineData("eth0", "10=t1", "20=t1")]
    [InlineData("eth0", "010=t1")]
    [InlineData("eth0", "10=a;reboot")]
    [InlineData("a-very-long-interface-name", "10=t1")]
    public async Task Given_bad_arguments_When_started_Then_it_exits_2_with_the_usage(params string[] args)
    {
        var result = await HostCommand.RunAsync(bridge.Program, args);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("usage: alpy-vlan-bridge LINK VID=TAP");
    }

    [Fact]
    public async Task Given_a_link_that_does_not_exist_When_started_Then_it_says_so()
    {
        await using var world = new NetnsWorld();
        var ns = await world.AddAsync("x");

        var result = await NetnsWorld.ExecAsync(ns, bridge.Program, "nosuch0", "10=t1");

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().Contain("no interface nosuch0");
    }

    private sealed record Side(string LinkNs, string Link, string VlanNs, string Address);

    private async Task<(Side Left, Side Right)> WireAsync(NetnsWorld world, int leftVid, int rightVid)
    {
        var left = new Side(await world.AddAsync("l"), world.Prefix + "a", await world.AddAsync("v"), "10.77.10.2");
        var right = new Side(await world.AddAsync("p"), world.Prefix + "b", await world.AddAsync("q"), "10.77.10.1");
        await NetnsWorld.IpAsync(left.LinkNs, "link", "add", left.Link, "type", "veth", "peer", "name", right.Link, "netns", right.LinkNs);
        foreach (var (side, vid, tap) in new[] { (left, leftVid, world.Prefix + "t1"), (right, rightVid, world.Prefix + "t2") })
        {
            await NetnsWorld.IpAsync(side.LinkNs, "link", "set", side.Link, "up");
            var process = world.Start(side.LinkNs, bridge.Program, side.Link, $"{vid}={tap}");
            (await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)).Should().Be("ready");
            await NetnsWorld.IpAsync(side.LinkNs, "link", "set", tap, "netns", side.VlanNs);
            await NetnsWorld.IpAsync(side.VlanNs, "address", "add", side.Address + "/24", "dev", tap);
            await NetnsWorld.IpAsync(side.VlanNs, "link", "set", tap, "up");
        }
        return (left, right);
    }

    private static async Task WaitForFileAsync(string path)
    {
        var watch = Stopwatch.StartNew();
        while (!File.Exists(path) && watch.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(20, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
    }
}
