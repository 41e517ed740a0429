using Alpy.Capture;
using Alpy.Lab.Apps;
using Alpy.Lab.Tests.Support;

namespace Alpy.Lab.Tests.Lifecycle;

/// <summary>
/// The lab's acceptance scenarios on one shared Rabbit lab with two links: verdicts come from app
/// container exit codes, evidence from the link captures (read with Alpy.Capture, each test looking only
/// at the frames since it started). A test that changes the DUT resets it.
/// </summary>
[Trait("Category", "integration")]
[Collection(QemuLabs.Name)]
public sealed class RabbitLabTests(RabbitLabFixture fixture) : IClassFixture<RabbitLabFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Lab Lab => fixture.Lab;

    private string Node1 => Lab.Node(1).Address.ToString();

    [Fact]
    public async Task Given_the_lab_When_node0_pings_the_DUT_Then_it_exits_0()
    {
        var ping = await Lab.RunAsync(Lab.Node(0), ["ping", "-c", "1", "-W", "3", Lab.Node(0).DutAddress.ToString()], cancellationToken: Token);

        ping.ExitCode.Should().Be(0, ping.Stdout + ping.Stderr);
    }

    [Fact]
    public async Task Given_the_lab_When_node0_pings_node1_across_the_DUT_Then_it_exits_0_and_both_links_carry_the_echo()
    {
        var (link0, link1) = Links();
        var (since0, since1) = (link0.Mark(), link1.Mark());

        var ping = await Lab.RunAsync(Lab.Node(0), ["ping", "-c", "1", "-W", "3", Node1], cancellationToken: Token);

        ping.ExitCode.Should().Be(0, ping.Stdout + ping.Stderr);
        await link1.WaitForFrameAsync($"icmp[icmptype] == icmp-echoreply and src host {Node1}", since1, cancellationToken: Token);
        link0.ReadSince(since0).Should().ContainFrame($"icmp[icmptype] == icmp-echo and src host 192.168.0.2 and dst host {Node1}", Exactly.Once());
        link1.ReadSince(since1).Should().ContainFrame($"icmp[icmptype] == icmp-echo and dst host {Node1}", Exactly.Once(), "the DUT forwarded the request to link 1")
            .And.ContainFrame($"icmp[icmptype] == icmp-echoreply and src host {Node1}", Exactly.Once());
    }

    [Fact]
    public async Task Given_a_DUT_drop_rule_When_node0_pings_node1_Then_it_exits_1_and_nothing_reaches_link1()
    {
        await Lab.ResetAsync(Token);
        try
        {
            await DutAsync("nft add table ip filter");
            await DutAsync("nft 'add chain ip filter forward { type filter hook forward priority 0 ; }'");
            await DutAsync("nft add rule ip filter forward icmp type echo-request drop");
            var (link0, link1) = Links();
            var (since0, since1) = (link0.Mark(), link1.Mark());

            var ping = await Lab.RunAsync(Lab.Node(0), ["ping", "-c", "1", "-W", "2", Node1], cancellationToken: Token);

            ping.ExitCode.Should().Be(1, "the DUT drops the echo request");
            var request = $"icmp[icmptype] == icmp-echo and dst host {Node1}";
            link0.ReadSince(since0).Should().ContainFrame(request, Exactly.Once(), "the request reached the DUT");
            link1.ReadSince(since1).Should().NotContainFrame(request, "the DUT dropped it");
        }
        finally
        {
            await Lab.ResetAsync(Token);
        }
    }

    [Fact]
    public async Task Given_the_DUT_was_reset_after_a_drop_rule_When_node0_pings_node1_Then_it_exits_0_again()
    {
        await DutAsync("nft add table ip filter");
        await DutAsync("nft 'add chain ip filter forward { type filter hook forward priority 0 ; policy drop ; }'");

        await Lab.ResetAsync(Token);
        var ping = await Lab.RunAsync(Lab.Node(0), ["ping", "-c", "1", "-W", "3", Node1], cancellationToken: Token);

        ping.ExitCode.Should().Be(0, "the reset flushed the ruleset");
    }

    [Fact]
    public async Task Given_a_DUT_DNAT_rule_When_a_client_on_node0_connects_to_port_80_Then_it_lands_on_the_server_on_node1_port_88()
    {
        await Lab.ResetAsync(Token);
        try
        {
            await DutAsync("nft add table ip nat");
            await DutAsync("nft 'add chain ip nat prerouting { type nat hook prerouting priority -100 ; }'");
            await DutAsync($"nft add rule ip nat prerouting tcp dport 80 dnat to {Node1}:88");
            await using var server = await Lab.StartAppAsync(Lab.Node(1), ["socat", "-u", "TCP-LISTEN:88,reuseaddr", "STDOUT"],
                new AppOptions { Role = "server" }, Token);
            await server.WaitForPortAsync(88, cancellationToken: Token);
            var (link0, link1) = Links();
            var (since0, since1) = (link0.Mark(), link1.Mark());

            var client = await Lab.RunAsync(Lab.Node(0), ["socat", "-u", "OPEN:/etc/hostname", $"TCP:{Node1}:80,connect-timeout=5"],
                new AppOptions { Role = "client" }, Token);

            client.ExitCode.Should().Be(0, client.Stderr);
            var received = await server.WaitAsync(TimeSpan.FromSeconds(10), Token);
            received.ExitCode.Should().Be(0, received.Stderr);
            received.Stdout.Should().NotBeEmpty("the server on port 88 received the client's bytes");
            const string syn = "tcp[tcpflags] & tcp-syn != 0 and tcp[tcpflags] & tcp-ack == 0";
            link0.ReadSince(since0).Should().ContainFrame($"{syn} and dst host {Node1} and tcp dst port 80", "the client sent its SYN to port 80");
            link1.ReadSince(since1).Should().ContainFrame($"{syn} and dst host {Node1} and tcp dst port 88", "the DUT rewrote it to port 88 on link 1")
                .And.NotContainFrame("tcp dst port 80", "nothing for port 80 left the DUT");
        }
        finally
        {
            await Lab.ResetAsync(Token);
        }
    }

    [Fact]
    public async Task Given_no_DNAT_rule_When_a_client_on_node0_connects_to_port_80_of_node1_Then_it_fails()
    {
        await Lab.ResetAsync(Token);
        await using var server = await Lab.StartAppAsync(Lab.Node(1), ["socat", "-u", "TCP-LISTEN:88,reuseaddr", "STDOUT"],
            new AppOptions { Role = "server" }, Token);
        await server.WaitForPortAsync(88, cancellationToken: Token);

        var client = await Lab.RunAsync(Lab.Node(0), ["socat", "-u", "OPEN:/etc/hostname", $"TCP:{Node1}:80,connect-timeout=5"],
            new AppOptions { Role = "client" }, Token);

        client.ExitCode.Should().NotBe(0, "nothing listens on port 80 and nothing rewrites it");
    }

    [Fact]
    public async Task Given_a_server_left_running_When_the_lab_resets_Then_its_container_is_removed()
    {
        var server = await Lab.StartAppAsync(Lab.Node(1), ["sleep", "600"], new AppOptions { Role = "stray" }, Token);

        await Lab.ResetAsync(Token);

        using var docker = LabDocker.Client();
        (await LabDocker.ContainerExistsAsync(docker, server.ContainerId)).Should().BeFalse();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Given_an_app_When_it_runs_Then_its_output_exit_code_and_duration_are_returned_and_saved()
    {
        var result = await Lab.RunAsync(Lab.Node(0), ["sh", "-c", "echo out; echo err >&2; exit 3"], cancellationToken: Token);

        result.ExitCode.Should().Be(3);
        result.Stdout.Should().Be("out\n");
        result.Stderr.Should().Be("err\n");
        result.Duration.Should().BePositive();
        File.ReadAllText(Path.Combine(Lab.Folder.Containers, result.ContainerName + ".log")).Should().Contain("exit code: 3").And.Contain("out");
    }

    [Fact]
    public async Task Given_argv_with_shell_metacharacters_When_an_app_runs_Then_they_reach_the_program_verbatim()
    {
        var result = await Lab.RunAsync(Lab.Node(0), ["echo", "$(id)", "; reboot", "a b"], cancellationToken: Token);

        result.Stdout.Should().Be("$(id) ; reboot a b\n");
    }

    [Fact]
    public async Task Given_a_missing_app_image_When_an_app_runs_Then_the_error_names_the_image_and_the_fix()
    {
        var act = () => Lab.RunAsync(Lab.Node(0), ["true"], new AppOptions { Image = "alpy-no-such-image:none" }, Token);

        (await act.Should().ThrowAsync<LabException>()).Which.Message
            .Should().Contain("alpy-no-such-image:none").And.Contain("never pulled");
    }

    [Fact]
    public async Task Given_the_DUT_console_When_a_command_runs_Then_its_exit_code_and_output_come_back()
    {
        var ok = await Lab.Dut.RunAsync("ip -o -4 address show dev eth1", cancellationToken: Token);
        var failed = await Lab.Dut.RunAsync("false", cancellationToken: Token);

        ok.ExitCode.Should().Be(0);
        ok.Output.Should().Contain("192.168.1.1/24");
        failed.ExitCode.Should().Be(1);
    }

    private (CaptureFile Link0, CaptureFile Link1) Links() => (new CaptureFile(Lab.Dut.Captures[0]), new CaptureFile(Lab.Dut.Captures[1]));

    private async Task DutAsync(string command)
    {
        var result = await Lab.Dut.RunAsync(command, cancellationToken: Token);
        result.ExitCode.Should().Be(0, $"DUT command «{command}» printed: {result.Output}");
    }
}
