using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Alpy.Capture;
using Alpy.Qemu.Tests.Support;
using PacketDotNet;

namespace Alpy.Qemu.Tests.Integration;

/// <summary>
/// What Rabbit can do, proven by traffic between two network namespaces across it (no Docker): forward, drop,
/// reject, DNAT, masquerade, rate limits (nft limit, tc tbf and htb), numgen load balancing, VLANs, and a reset
/// that undoes each. Every test starts from rabbit-reset, as a scenario in the lab does.
/// </summary>
[Collection(OneQemuAtATime.Name)]
public sealed partial class RabbitCapabilityTests(RabbitNetwork rabbit) : IClassFixture<RabbitNetwork>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await rabbit.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex("([0-9]+) packets received")]
    private static partial Regex Received();

    private static int ReceivedCount(CommandOutput ping) =>
        int.Parse(Received().Match(ping.Stdout).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Given_two_nodes_When_node0_pings_the_dut_and_node1_Then_both_answer_over_ipv4_and_ipv6()
    {
        (await RabbitNetwork.PingAsync(rabbit.Node0, "192.168.0.1")).ExitCode.Should().Be(0);
        (await RabbitNetwork.PingAsync(rabbit.Node0, "192.168.1.2")).ExitCode.Should().Be(0);
        (await RabbitNetwork.PingAsync(rabbit.Node0, "fd00:1::2")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Given_forwarded_pings_When_the_link_pcaps_are_read_Then_both_links_hold_the_plain_ethernet_frames()
    {
        (await RabbitNetwork.PingAsync(rabbit.Node0, "192.168.1.2", count: 3, interval: "0.2")).ExitCode.Should().Be(0);

        foreach (var pcap in new[] { rabbit.Link0Pcap, rabbit.Link1Pcap })
        {
            var capture = new CaptureFile(pcap).Read();
            capture.Should().OnlyContain(f => f.LinkType == LinkLayers.Ethernet);
            var frames = capture.Select(f => f.Data.ToArray()).ToList();
            frames.Should().Contain(f => IsIcmpBetween(f, "192.168.0.2", "192.168.1.2", type: 8), $"{pcap} holds the echo requests")
                .And.Contain(f => IsIcmpBetween(f, "192.168.1.2", "192.168.0.2", type: 0), $"{pcap} holds the echo replies");
            frames.Should().OnlyContain(f => Frames.EtherType(f) >= 0x0600, "every frame starts with an Ethernet header, not a virtio header");
        }
    }

    [Fact]
    public async Task Given_a_drop_rule_When_node0_pings_node1_Then_the_ping_fails_and_after_reset_it_passes_again()
    {
        await rabbit.DutAsync("nft 'add table inet alpy; add chain inet alpy forward { type filter hook forward priority 0 ; }; add rule inet alpy forward icmp type echo-request drop'");

        (await RabbitNetwork.PingAsync(rabbit.Node0, "192.168.1.2")).ExitCode.Should().Be(1);
        (await RabbitNetwork.PingAsync(rabbit.Node0, "192.168.0.1")).ExitCode.Should().Be(0, "the DUT itself still answers: only forwarding drops");

        await rabbit.ResetAsync();
        (await rabbit.DutAsync("nft list ruleset")).Should().BeEmpty();
        (await RabbitNetwork.PingAsync(rabbit.Node0, "192.168.1.2")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Given_a_reject_rule_When_node0_connects_to_node1_Then_it_is_refused_at_once_instead_of_answered()
    {
        using var server = await RabbitNetwork.ServeAsync(rabbit.Node1, 80, "echo hello from node1");
        (await RabbitNetwork.ConnectAsync(rabbit.Node0, "192.168.1.2", 80)).Stdout.Should().Be("hello from node1\n");

        await rabbit.DutAsync("nft 'add table inet alpy; add chain inet alpy forward { type filter hook forward priority 0 ; }; add rule inet alpy forward tcp dport 80 reject with tcp reset'");
        var refused = await RabbitNetwork.ConnectAsync(rabbit.Node0, "192.168.1.2", 80);

        refused.ExitCode.Should().NotBe(0);
        refused.Stderr.Should().Contain("Connection refused", "a TCP reset came back, where a drop would have timed out");
    }

    [Fact]
    public async Task Given_a_dnat_rule_When_node0_connects_to_port_80_Then_it_lands_on_the_server_listening_on_88()
    {
        using var on80 = await RabbitNetwork.ServeAsync(rabbit.Node1, 80, "echo port 80");
        using var on88 = await RabbitNetwork.ServeAsync(rabbit.Node1, 88, "echo port 88");

        await rabbit.DutAsync("nft 'add table ip nat; add chain ip nat prerouting { type nat hook prerouting priority -100 ; }; add rule ip nat prerouting tcp dport 80 dnat to 192.168.1.2:88'");

        (await RabbitNetwork.ConnectAsync(rabbit.Node0, "192.168.1.2", 80)).Stdout.Should().Be("port 88\n");
        (await RabbitNetwork.ConnectAsync(rabbit.Node0, "192.168.0.1", 80)).Stdout.Should().Be("port 88\n", "also when addressed to the DUT itself");
    }

    [Fact]
    public async Task Given_a_masquerade_rule_When_node0_connects_to_node1_Then_node1_sees_the_dut_as_the_peer()
    {
        using var server = await RabbitNetwork.ServeAsync(rabbit.Node1, 81, "echo $SOCAT_PEERADDR");
        (await RabbitNetwork.ConnectAsync(rabbit.Node0, "192.168.1.2", 81)).Stdout.Should().Be("192.168.0.2\n");

        await rabbit.DutAsync("nft 'add table ip nat; add chain ip nat postrouting { type nat hook postrouting priority 100 ; }; add rule ip nat postrouting oifname \"eth1\" masquerade'");

        (await RabbitNetwork.ConnectAsync(rabbit.Node0, "192.168.1.2", 81)).Stdout.Should().Be("192.168.1.1\n");
    }

    [Fact]
    public async Task Given_an_nft_rate_limit_When_node0_pings_fast_Then_only_a_few_echoes_get_through()
    {
        var unlimited = ReceivedCount(await RabbitNetwork.PingAsync(rabbit.Node0, "192.168.1.2", count: 20, interval: "0.05"));

        await rabbit.DutAsync("nft 'add table inet alpy; add chain inet alpy forward { type filter hook forward priority 0 ; }; add rule inet alpy forward icmp type echo-request limit rate over 2/second burst 2 packets drop'");
        var limited = ReceivedCount(await RabbitNetwork.PingAsync(rabbit.Node0, "192.168.1.2", count: 20, interval: "0.05"));

        unlimited.Should().BeGreaterThan(15);
        limited.Should().BeInRange(1, 10, "2 per second with a burst of 2 lets through about 4 of 20 pings sent within a second");
    }

    [Theory]
    [InlineData("tc qdisc add dev eth1 root tbf rate 8kbit burst 2kb limit 3000", "tbf")]
    [InlineData("tc qdisc add dev eth1 root handle 1: htb default 10 && tc class add dev eth1 parent 1: classid 1:10 htb rate 8kbit ceil 8kbit burst 2kb && tc qdisc add dev eth1 parent 1:10 handle 10: pfifo limit 3", "htb")]
    public async Task Given_a_shaping_qdisc_When_node0_pings_with_big_packets_Then_the_link_drops_what_exceeds_the_rate(string shaping, string qdisc)
    {
        Task<CommandOutput> BigPings() => TestNetwork.ExecAsync(rabbit.Node0, "busybox", "ping", "-c", "20", "-i", "0.05", "-s", "1000", "-W", "3", "192.168.1.2");
        var unshaped = await BigPings();

        await rabbit.DutAsync(shaping);
        var shaped = await BigPings();

        ReceivedCount(unshaped).Should().BeGreaterThan(15);
        ReceivedCount(shaped).Should().BeInRange(1, 10, "8 kbit/s carries about one 1 KB echo per second, and the queue holds only a few");
        (await rabbit.DutAsync("tc qdisc show dev eth1")).Should().Contain(qdisc);
        await rabbit.ResetAsync();
        (await rabbit.DutAsync("tc qdisc show dev eth1")).Should().NotContain(qdisc, "reset deletes the qdisc");
    }

    [Fact]
    public async Task Given_a_numgen_dnat_When_node0_connects_four_times_Then_the_two_backends_take_turns()
    {
        using var server = await RabbitNetwork.ServeAsync(rabbit.Node1, 80, "echo $SOCAT_SOCKADDR");

        await rabbit.DutAsync("nft 'add table ip nat; add chain ip nat prerouting { type nat hook prerouting priority -100 ; }; add rule ip nat prerouting ip daddr 192.168.0.1 tcp dport 80 dnat to numgen inc mod 2 map { 0 : 192.168.1.2, 1 : 192.168.1.3 }'");
        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await RabbitNetwork.ConnectAsync(rabbit.Node0, "192.168.0.1", 80)).Stdout.Trim());
        }

        answers.Should().BeEquivalentTo(["192.168.1.2", "192.168.1.3", "192.168.1.2", "192.168.1.3"]);
        answers[0].Should().NotBe(answers[1], "numgen inc alternates");
    }

    [Fact]
    public async Task Given_vlan_10_on_link_0_When_a_tagged_arp_and_echo_arrive_Then_eth0_10_answers_tagged()
    {
        var me = Frames.Mac("02:a1:b2:c3:d4:10");
        var myIp = IPAddress.Parse("192.168.10.2");
        var dut = IPAddress.Parse("192.168.10.1");
        using var socket = PacketSocket.Open(rabbit.Node0, rabbit.Tap0);

        socket.Send(Frames.ArpRequest(10, me, myIp, dut));
        var arpReply = socket.ReceiveUntil(f => Frames.IsArpReplyFrom(f, dut), TimeSpan.FromSeconds(10));
        socket.Send(Frames.IcmpEcho(10, me, Frames.Mac(rabbit.DutMac0), myIp, dut, id: 0x0a1b));
        var echoReply = socket.ReceiveUntil(f => Frames.IsEchoReplyFrom(f, dut, 0x0a1b), TimeSpan.FromSeconds(10));

        arpReply.Should().NotBeNull("Rabbit's eth0.10 answers ARP for 192.168.10.1");
        echoReply.Should().NotBeNull("Rabbit's eth0.10 answers ICMP echo");
        var frames = new CaptureFile(rabbit.Link0Pcap).Read().Select(f => f.Data.ToArray()).ToList();
        frames.Should().Contain(f => Frames.Vid(f) == 10 && Frames.IsArpReplyFrom(f, dut), "on the wire the ARP reply carries tag 10");
        frames.Should().Contain(f => Frames.Vid(f) == 10 && Frames.IsEchoReplyFrom(f, dut, 0x0a1b), "on the wire the echo reply carries tag 10");
    }

    [Fact]
    public async Task Given_scenario_changes_When_reset_Then_addresses_links_routes_and_forwarding_are_back_to_the_plan()
    {
        await rabbit.DutAsync("ip addr flush dev eth1 && ip addr add 10.9.9.1/24 dev eth1 && ip link add link eth1 name eth1.20 type vlan id 20 && ip route add 172.16.0.0/16 via 192.168.0.2 && ip -6 route add fd99::/64 via fd00:0::2 && echo 0 > /proc/sys/net/ipv4/ip_forward");
        (await RabbitNetwork.PingAsync(rabbit.Node0, "192.168.1.2")).ExitCode.Should().Be(1, "the scenario broke forwarding");

        await rabbit.ResetAsync();

        var addresses = await rabbit.DutAsync("ip -br addr show dev eth1");
        addresses.Should().Contain("192.168.1.1/24").And.Contain("fd00:1::1/64").And.NotContain("10.9.9.1");
        (await rabbit.DutAsync("ip -br link")).Should().NotContain("eth1.20").And.Contain("eth0.10");
        (await rabbit.DutAsync("ip route")).Should().NotContain("172.16.0.0");
        (await rabbit.DutAsync("ip -6 route")).Should().NotContain("fd99::");
        await ShouldForwardBothFamiliesAsync();
    }

    /// <summary>Each kind of change a scenario can make to the DUT's links, undone by the reset: traffic in both
    /// families proves it, not only the addresses (an `ip addr flush` also takes the link-local address, and IPv6
    /// neighbour discovery stops without it).</summary>
    [Theory]
    [InlineData("ip addr flush dev eth1")]
    [InlineData("ip -6 addr flush dev eth1")]
    [InlineData("ip addr flush dev eth0 && ip addr flush dev eth1")]
    [InlineData("ip link set dev eth1 mtu 1200")]
    [InlineData("ip link set dev eth1 down")]
    [InlineData("echo 1 > /proc/sys/net/ipv6/conf/eth1/disable_ipv6")]
    [InlineData("echo 0 > /proc/sys/net/ipv6/conf/all/forwarding")]
    [InlineData("ip -6 neigh replace fd00:1::2 lladdr 02:00:00:00:00:99 dev eth1 nud permanent")]
    [InlineData("ip neigh replace 192.168.1.2 lladdr 02:00:00:00:00:99 dev eth1 nud permanent")]
    [InlineData("ip -6 route del fd00:1::/64 dev eth1")]
    public async Task Given_a_change_to_the_links_When_reset_Then_ipv4_and_ipv6_traffic_cross_the_dut_again(string change)
    {
        await rabbit.DutAsync(change);

        await rabbit.ResetAsync();

        await ShouldForwardBothFamiliesAsync();
        (await rabbit.DutAsync("ip -6 addr show dev eth1")).Should().Contain("fe80::", "the link-local address is back");
    }

    private async Task ShouldForwardBothFamiliesAsync()
    {
        foreach (var (node, target) in new[] { (rabbit.Node0, "192.168.1.2"), (rabbit.Node0, "fd00:1::2"), (rabbit.Node1, "192.168.0.2"), (rabbit.Node1, "fd00:0::2"), (rabbit.Node0, "fd00:0::1") })
        {
            (await RabbitNetwork.PingAsync(node, target)).ExitCode.Should().Be(0, $"after the reset {target} answers a ping from {node}");
        }
    }

    private static bool IsIcmpBetween(byte[] frame, string source, string destination, int type)
    {
        var (etherType, ip) = Frames.Inner(frame);
        return etherType == Frames.IPv4 && ip.Length >= 28 && ip[9] == 1 && ip[20] == type
            && new IPAddress(ip.AsSpan(12, 4)).ToString() == source
            && new IPAddress(ip.AsSpan(16, 4)).ToString() == destination;
    }
}
