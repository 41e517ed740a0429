using Alpy.Capture;
using Alpy.Lab.Tests.Support;
using Alpy.Lab.Topology;
using Alpy.Qemu;

namespace Alpy.Lab.Tests.Snapshots;

/// <summary>
/// Bring-up from a saved DUT state, with real QEMU and real Rabbit: a second lab restores (its console never
/// shows the boot), traffic crosses the restored DUT on both links, a corrupt state falls back to a cold boot
/// and is replaced, another address plan or link count does not reuse a state. Each test has a snapshot
/// folder of its own in the cache, removed afterwards; every lab is checked for trash.
/// </summary>
[Trait("Category", "integration")]
[Collection(QemuLabs.Name)]
public sealed class SnapshotLabTests : IDisposable
{
    private readonly string _snapshots = Path.Combine(AlpyCache.Root, "snapshots-test-" + Guid.NewGuid().ToString("N")[..12]);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_lab_that_booted_When_a_second_lab_starts_Then_it_restores_and_traffic_crosses_both_links()
    {
        await BootOnceAsync(links: 2);
        States().Should().ContainSingle("the cold boot saved one state");

        var lab = await Lab.StartAsync(await OptionsAsync(links: 2), cancellationToken: Token);
        var run = lab.RunId;
        try
        {
            lab.Dut.Restored.Should().BeTrue();
            lab.BringUpPhases.Select(p => p.Name).Should().Contain("restore DUT").And.NotContain("boot DUT");
            var console = await File.ReadAllTextAsync(Path.Combine(lab.Folder.Path, "console.log"), Token);
            console.Should().NotContain(lab.Dut.Profile.ReadyPattern, "a restored DUT does not boot");

            var (link0, link1) = (new CaptureFile(lab.Dut.Captures[0]), new CaptureFile(lab.Dut.Captures[1]));
            var node1 = lab.Node(1).Address.ToString();
            var ping = await lab.RunAsync(lab.Node(0), ["ping", "-c", "1", "-W", "3", node1], cancellationToken: Token);

            ping.ExitCode.Should().Be(0, ping.Stdout + ping.Stderr);
            await link1.WaitForFrameAsync($"icmp[icmptype] == icmp-echoreply and src host {node1}", CaptureMark.Start, cancellationToken: Token);
            link0.Read().Should().ContainFrame($"icmp[icmptype] == icmp-echo and dst host {node1}", Exactly.Once());
            link1.Read().Should().ContainFrame($"icmp[icmptype] == icmp-echo and dst host {node1}", Exactly.Once(), "the restored DUT forwarded it");
            (await lab.RunAsync(lab.Node(1), ["ping", "-c", "1", "-W", "3", lab.Node(1).DutAddress.ToString()], cancellationToken: Token))
                .ExitCode.Should().Be(0, "link 1 reaches the restored DUT too");
            await lab.ResetAsync(Token);
        }
        finally
        {
            await lab.DisposeAsync();
        }

        await NoTrash.AssertAsync(run);
        AssertNoTempFiles();
    }

    [Fact]
    public async Task Given_a_corrupt_saved_state_When_a_lab_starts_Then_it_boots_cold_and_replaces_the_state()
    {
        await BootOnceAsync(links: 1);
        var state = States().Should().ContainSingle().Subject;
        var good = new FileInfo(state).Length;
        await File.WriteAllBytesAsync(state, [.. Enumerable.Repeat((byte)0x5a, 4096)], Token);

        var lab = await Lab.StartAsync(await OptionsAsync(links: 1), cancellationToken: Token);
        var run = lab.RunId;
        try
        {
            lab.Dut.Restored.Should().BeFalse("the corrupt state cannot load");
            lab.BringUpPhases.Select(p => p.Name).Should().Contain("restore DUT").And.Contain("boot DUT").And.Contain("save DUT state");
            (await lab.RunAsync(lab.Node(0), ["ping", "-c", "1", "-W", "3", lab.Node(0).DutAddress.ToString()], cancellationToken: Token))
                .ExitCode.Should().Be(0);
        }
        finally
        {
            await lab.DisposeAsync();
        }

        await NoTrash.AssertAsync(run);
        States().Should().ContainSingle().Which.Should().Be(state);
        new FileInfo(state).Length.Should().BeGreaterThan(4096, "a whole state (about {0} bytes) replaced the corrupt one", good);
        AssertNoTempFiles();
    }

    [Fact]
    public async Task Given_a_saved_state_When_the_address_plan_or_the_link_count_changes_Then_the_DUT_boots_cold()
    {
        await BootOnceAsync(links: 2);
        var otherPlan = await OptionsAsync(links: 2) with
        {
            Topology = new LabTopology
            {
                Links =
                [
                    new LinkSpec { Ipv4 = SubnetPlan.Parse("10.7.0.0/24", "10.7.0.1", "10.7.0.2") },
                    new LinkSpec { Ipv4 = SubnetPlan.Parse("10.7.1.0/24", "10.7.1.1", "10.7.1.2") },
                ],
            },
        };

        foreach (var options in new[] { otherPlan, await OptionsAsync(links: 1) })
        {
            await using var lab = await Lab.StartAsync(options, cancellationToken: Token);
            lab.Dut.Restored.Should().BeFalse($"a state saved for another topology must not be reused ({options.Topology.Links.Length} links)");
            (await lab.RunAsync(lab.Node(0), ["ping", "-c", "1", "-W", "3", lab.Node(0).DutAddress.ToString()], cancellationToken: Token))
                .ExitCode.Should().Be(0);
        }

        States().Should().HaveCount(3, "each topology has a state of its own");
    }

    public void Dispose()
    {
        if (Directory.Exists(_snapshots))
            Directory.Delete(_snapshots, recursive: true);
    }

    private async Task<LabOptions> OptionsAsync(int links) => await LabFactory.OptionsAsync(links) with { SnapshotDirectory = _snapshots };

    private async Task BootOnceAsync(int links)
    {
        await using var lab = await Lab.StartAsync(await OptionsAsync(links), cancellationToken: Token);
        lab.Dut.Restored.Should().BeFalse("no state was saved yet");
    }

    private string[] States() => Directory.Exists(_snapshots) ? Directory.GetFiles(_snapshots, "*.state") : [];

    private void AssertNoTempFiles() =>
        Directory.GetFiles(_snapshots).Select(Path.GetFileName).Where(f => !f!.EndsWith(".state", StringComparison.Ordinal) && f != ".lock")
            .Should().BeEmpty("a save leaves only its state (and the lock file)");
}
