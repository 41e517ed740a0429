using Alpy.Lab.Topology;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Labs;
using Alpy.Specs.Steps.Settings;
using Alpy.Specs.Steps.Values;
using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Labs;

/// <summary>The lab pool with real labs: one boot per topology shared by scenarios, fresh labs, labs kept for investigation.</summary>
[Trait("Category", "integration")]
public sealed class LabPoolTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly FilterRule DropIcmp = new(FilterAction.Drop, new TrafficSelector(TrafficProtocol.Icmp));

    private static SuiteSettings Settings(string name) => new() { ArtifactsDirectory = Path.Combine(TestPaths.SelfTestReports(name, fresh: true), "runs") };

    [Fact]
    public async Task Given_shared_mode_When_scenarios_use_one_topology_Then_the_DUT_boots_once_and_each_scenario_starts_at_the_baseline()
    {
        var settings = Settings("pool-shared");
        await using (var pool = new LabPool(settings, new RabbitAppliance()))
        {
            var first = await pool.AcquireAsync(LabTopology.WithLinks(2), "first", Token);
            (await PingAcrossAsync(first)).Should().Be(0);
            await pool.ReleaseAsync(first, failed: false, "");

            var second = await pool.AcquireAsync(LabTopology.WithLinks(2), "second", Token);
            second.Lab.RunId.Should().Be(first.Lab.RunId);
            second.Story.Should().Contain("at its baseline", "a scenario that configured nothing needs no reset");
            await second.Driver.FilterAsync(DropIcmp, Token);
            (await PingAcrossAsync(second)).Should().NotBe(0, "the rule holds within the scenario");
            first.Captures.Window(1).Matching("icmp").Should().NotBeEmpty("the first scenario's ping crossed to link 1");
            second.Captures.Window(1).Matching("icmp").Should().BeEmpty("the second scenario's window starts after the first scenario's frames, and its own ping was dropped");
            await pool.ReleaseAsync(second, failed: false, "");

            var third = await pool.AcquireAsync(LabTopology.WithLinks(2), "third", Token);
            third.Story.Should().Contain("reset in", "the scenario before changed the configuration");
            (await PingAcrossAsync(third)).Should().Be(0, "the reset removed the rule");
            await pool.ReleaseAsync(third, failed: false, "");

            var other = await pool.AcquireAsync(LabTopology.WithLinks(1), "another topology", Token);
            other.Lab.RunId.Should().NotBe(first.Lab.RunId, "another topology gets a lab of its own");
            pool.Boots.Should().Be(2);
            await pool.ReleaseAsync(other, failed: false, "");
        }

        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(settings.ArtifactsDirectory));
    }

    [Fact]
    public async Task Given_a_shared_lab_When_pings_flow_while_one_scenario_ends_and_the_next_begins_Then_each_ping_is_in_exactly_one_scenarios_window()
    {
        // Given: 150 pings, one every 20 ms, from node 0 to node 1, started in the first scenario
        var settings = Settings("pool-boundary");
        await using (var pool = new LabPool(settings, new RabbitAppliance()))
        {
            var first = await pool.AcquireAsync(LabTopology.WithLinks(2), "first", Token);
            var pinging = first.Lab.RunAsync(first.Lab.Node(0), ["ping", "-c", "150", "-i", "0.02", "-W", "2", "192.168.1.2"], cancellationToken: Token);
            await WaitForAsync(() => first.Captures.Window(1).Matching("icmp[icmptype] == icmp-echo").Count >= 20);

            // When: the first scenario ends and the next begins while the pings go on
            await pool.ReleaseAsync(first, failed: false, "");
            var second = await pool.AcquireAsync(LabTopology.WithLinks(2), "second", Token);
            (await pinging).ExitCode.Should().Be(0);
            await WaitForAsync(() => second.Captures.Window(1).Matching("icmp[icmptype] == icmp-echoreply").Count > 0 && Sequences(second.Captures.Window(1)).Contains(150));
            second.Captures.End();
            await pool.ReleaseAsync(second, failed: false, "");

            // Then: on link 1, the pings are split between the two windows, none in both, none in neither
            var firstPings = Sequences(first.Captures.Window(1));
            var secondPings = Sequences(second.Captures.Window(1));
            firstPings.Should().NotBeEmpty().And.OnlyContain(sequence => sequence < secondPings.Min(), "the first window holds the earlier pings");
            firstPings.Concat(secondPings).Should().Equal(Enumerable.Range(1, 150), "every ping (iputils numbers them from 1) is in exactly one window");
            second.Captures.Mark(1).Offset.Should().Be(first.Captures.Window(1).End.Offset, "the second window begins where the first ended");
        }

        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(settings.ArtifactsDirectory));
    }

    [Fact]
    public async Task Given_fresh_mode_When_two_scenarios_run_Then_each_boots_its_own_lab_and_the_first_is_gone_when_released()
    {
        var settings = Settings("pool-fresh") with { LabMode = LabMode.Fresh };
        await using var pool = new LabPool(settings, new RabbitAppliance());

        var first = await pool.AcquireAsync(LabTopology.WithLinks(1), "first", Token);
        await pool.ReleaseAsync(first, failed: false, "");
        await SelfTestTrash.AssertNoneLeftAsync([first.Lab.RunId.Value]);
        var second = await pool.AcquireAsync(LabTopology.WithLinks(1), "second", Token);
        await pool.ReleaseAsync(second, failed: false, "");

        second.Lab.RunId.Should().NotBe(first.Lab.RunId);
        pool.Boots.Should().Be(2);
        first.Lab.Dut.Restored.Should().BeFalse("a fresh lab boots cold, even where a saved DUT state exists");
        second.Lab.Dut.Restored.Should().BeFalse("the first fresh lab's boot is not reused either");
        await SelfTestTrash.AssertNoneLeftAsync([second.Lab.RunId.Value]);
    }

    [Fact]
    public async Task Given_keep_on_failure_When_a_scenario_fails_Then_its_lab_stays_untouched_with_instructions_and_later_scenarios_get_another()
    {
        var settings = Settings("pool-keep") with { KeepLab = KeepLab.OnFailure, KeepFor = TimeSpan.FromSeconds(1) };
        var announced = new List<string>();
        IReadOnlyList<string> runs;
        await using (var pool = new LabPool(settings, new RabbitAppliance()))
        {
            var failing = await pool.AcquireAsync(LabTopology.WithLinks(2), "failing", Token);
            await failing.Driver.FilterAsync(DropIcmp, Token);
            var kept = await pool.ReleaseAsync(failing, failed: true, "scenario \"failing\" failed");

            kept.Should().NotBeNull();
            kept!.Instructions.Should().Contain("tail -f " + Path.Combine(failing.Lab.Folder.Path, "console.log"))
                .And.Contain($"tail -c +1 -f {failing.Lab.Dut.Captures[1]} | tcpdump -n -e -r -")
                .And.Contain($"docker exec -it {failing.Lab.Node(0).ContainerName} sh")
                .And.Contain("nsenter -n -t");
            var next = await pool.AcquireAsync(LabTopology.WithLinks(2), "next", Token);
            next.Lab.RunId.Should().NotBe(failing.Lab.RunId, "the kept lab is not reused");
            (await PingAcrossAsync(failing)).Should().NotBe(0, "the kept lab was not reset: its rule still holds");
            (await PingAcrossAsync(next)).Should().Be(0);
            await pool.ReleaseAsync(next, failed: true, "a second failure");
            pool.Kept.Should().ContainSingle("only the first failing scenario's lab is kept");
            runs = [failing.Lab.RunId.Value, next.Lab.RunId.Value];

            await pool.FinishAsync(announced.Add, Token);
        }

        announced.Should().ContainSingle().Which.Should().Contain("is kept up for investigation").And.Contain("It stays up until");
        await SelfTestTrash.AssertNoneLeftAsync(runs);
    }

    /// <summary>The ICMP sequence numbers of the echo requests a window holds, in capture order.</summary>
    private static List<int> Sequences(Alpy.Capture.CaptureWindow window) =>
        [.. window.Matching("icmp[icmptype] == icmp-echo").Select(frame => (int)frame.Packet.Extract<PacketDotNet.IcmpV4Packet>().Sequence)];

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; !condition(); i++)
        {
            if (i == 200)
                throw new TimeoutException("The frames did not arrive within 10 s.");
            await Task.Delay(50, Token);
        }
    }

    private static async Task<long> PingAcrossAsync(LabLease lease) =>
        (await lease.Lab.RunAsync(lease.Lab.Node(0), ["ping", "-c", "1", "-W", "2", "192.168.1.2"], cancellationToken: Token)).ExitCode;
}
