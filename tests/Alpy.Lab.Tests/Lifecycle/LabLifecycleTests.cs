using Alpy.Lab.Runs;
using Alpy.Lab.Tests.Support;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Tests.Lifecycle;

/// <summary>Bring-up, teardown and bring-up again: what a lab leaves behind (nothing) and what it records.</summary>
[Trait("Category", "integration")]
[Collection(QemuLabs.Name)]
public sealed class LabLifecycleTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_lab_that_was_up_When_it_is_disposed_Then_no_container_tap_process_or_temp_file_remains()
    {
        var lab = await Lab.StartAsync(await LabFactory.OptionsAsync(links: 2), cancellationToken: Token);
        var run = lab.RunId;
        var pid = lab.Dut.Pid;
        LabDocker.HostTapsOfRun(run.Value).Should().BeEmpty("the taps live in the nodes");
        NoTrash.IsAlive(pid).Should().BeTrue();

        await lab.DisposeAsync();
        await lab.DisposeAsync();

        await NoTrash.AssertAsync(run, pid);
        var record = await File.ReadAllTextAsync(lab.Folder.LabJson, Token);
        record.Should().MatchRegex("\"(boot|restore) DUT\"").And.Contain("\"stop QEMU\"").And.Contain("\"remove the containers of the run\"");
    }

    [Fact]
    public async Task Given_a_lab_whose_QEMU_died_When_used_Then_the_error_says_so_and_a_new_lab_comes_up()
    {
        var lab = await Lab.StartAsync(await LabFactory.OptionsAsync(), cancellationToken: Token);
        var run = lab.RunId;
        try
        {
            System.Diagnostics.Process.GetProcessById(lab.Dut.Pid).Kill();
            await lab.Dut.Machine.Exited.WaitAsync(TimeSpan.FromSeconds(10), Token);

            var reset = () => lab.ResetAsync(Token);
            var command = () => lab.Dut.RunAsync("true", cancellationToken: Token);

            (await reset.Should().ThrowAsync<LabException>()).Which.Message.Should().Contain("The lab broke: the DUT rabbit died: QEMU").And.Contain("was killed by signal 9 (SIGKILL)").And.Contain("start a new one");
            await command.Should().ThrowAsync<LabException>();
            lab.Dut.IsRunning.Should().BeFalse();
        }
        finally
        {
            await lab.DisposeAsync();
        }
        await NoTrash.AssertAsync(run);

        await using var again = await Lab.StartAsync(await LabFactory.OptionsAsync(), cancellationToken: Token);
        (await again.RunAsync(again.Node(0), ["ping", "-c", "1", "-W", "3", again.Node(0).DutAddress.ToString()], cancellationToken: Token))
            .ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Given_a_lab_When_reset_Then_the_reset_is_timed_in_lab_json()
    {
        var lab = await Lab.StartAsync(await LabFactory.OptionsAsync(), cancellationToken: Token);
        await lab.ResetAsync(Token);
        await lab.DisposeAsync();

        var record = await File.ReadAllTextAsync(lab.Folder.LabJson, Token);
        record.Should().MatchRegex("\"resetsMs\": \\[\\s*[0-9.]+\\s*\\]");
    }

    [Fact]
    public async Task Given_an_invalid_topology_When_the_lab_starts_Then_the_error_names_the_value()
    {
        var options = await LabFactory.OptionsAsync() with
        {
            Topology = new LabTopology { Links = [new LinkSpec { Ipv4 = SubnetPlan.Parse("192.168.0.0/24", "192.168.0.1", "192.168.7.2") }] },
        };

        var act = () => Lab.StartAsync(options, cancellationToken: Token);

        (await act.Should().ThrowAsync<InvalidTopologyException>()).Which.Message.Should().Contain("192.168.7.2 is outside subnet 192.168.0.0/24");
    }
}
