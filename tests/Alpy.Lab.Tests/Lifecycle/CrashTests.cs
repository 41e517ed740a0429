using Alpy.Lab.Images;
using Alpy.Lab.Runs;
using Alpy.Lab.Tests.Support;
using Docker.DotNet.Models;

namespace Alpy.Lab.Tests.Lifecycle;

/// <summary>
/// "No trash left behind" when the host process does not end well: SIGKILL (nothing can run, so the
/// next lab start reaps the dead run) and SIGTERM (the lab tears itself down before the process ends).
/// </summary>
[Trait("Category", "integration")]
[Collection(QemuLabs.Name)]
public sealed class CrashTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_lab_host_killed_with_SIGKILL_When_the_next_lab_starts_Then_everything_of_the_dead_run_is_reaped()
    {
        RunId dead;
        await using (var host = await LabHostProcess.StartAsync(links: 2))
        {
            dead = host.Run;
            await host.SignalAsync("KILL");
        }
        using (var docker = LabDocker.Client())
            (await LabDocker.ContainersOfRunAsync(docker, dead.Value)).Should().NotBeEmpty("a SIGKILLed lab cannot clean up: its nodes remain");
        Directory.Exists(Path.Combine(new RunRegistry().Root, dead.Value)).Should().BeTrue("its registry folder remains, unlocked");

        await using (var next = await Lab.StartAsync(await LabFactory.OptionsAsync(), cancellationToken: Token))
        {
            await NoTrash.AssertAsync(dead);
            next.BringUpPhases.Select(p => p.Name).Should().Contain("reap dead runs");
        }
    }

    [Fact]
    public async Task Given_a_lab_host_When_it_receives_SIGTERM_Then_the_lab_tears_itself_down()
    {
        await using var host = await LabHostProcess.StartAsync(links: 1);

        await host.SignalAsync("TERM");

        await NoTrash.AssertAsync(host.Run, host.QemuPid);
    }

    [Fact]
    public async Task Given_several_dead_runs_When_a_reap_runs_Then_it_reaps_and_reports_them_all()
    {
        // A CI machine often holds more than one dead run (a killed job, a crashed test host); one
        // reap must handle them together, as the next lab start does.
        var registry = new RunRegistry();
        var dead = new[] { RunId.New(), RunId.New(), RunId.New() };
        foreach (var run in dead)
        {
            var folder = Directory.CreateDirectory(Path.Combine(registry.Root, run.Value)).FullName;
            await File.WriteAllTextAsync(Path.Combine(folder, "lock"), "", Token);
        }

        var report = await Lab.ReapAsync(cancellationToken: Token);

        report.DeadRuns.Should().Contain(dead);
        report.DeadRuns.Select(run => run.Value).Should().BeInAscendingOrder(StringComparer.Ordinal);
        dead.Should().OnlyContain(run => !Directory.Exists(Path.Combine(registry.Root, run.Value)));
    }

    [Fact]
    public async Task Given_a_live_lab_in_another_process_When_a_reap_runs_Then_the_live_lab_is_left_alone()
    {
        await using var host = await LabHostProcess.StartAsync(links: 1);

        var report = await Lab.ReapAsync(cancellationToken: Token);

        report.DeadRuns.Should().NotContain(host.Run);
        using var docker = LabDocker.Client();
        (await LabDocker.ContainersOfRunAsync(docker, host.Run.Value)).Should().NotBeEmpty();
        NoTrash.IsAlive(host.QemuPid).Should().BeTrue();
        await host.SignalAsync("TERM");
        await NoTrash.AssertAsync(host.Run, host.QemuPid);
    }

    [Fact]
    public async Task Given_a_container_of_another_users_run_When_a_reap_runs_Then_it_is_left_alone()
    {
        // Users share the Docker daemon, not their run registries: from here, every run of another user has no
        // registry folder, so its owner label is all that keeps a reap from removing another user's live lab.
        using var docker = LabDocker.Client();
        var image = (await new ImageBuilder(docker).EnsureAsync(LabImages.Tools, Token)).Reference;
        var run = RunId.New();
        var mine = LabLabels.For(run, LabLabels.Node);
        var theirs = new Dictionary<string, string>(mine) { [LabLabels.Owner] = "4000000001" };
        var created = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Cmd = ["cat"],
            Labels = theirs,
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, Token);
        try
        {
            var report = await Lab.ReapAsync(cancellationToken: Token);

            report.DeadRuns.Should().NotContain(run, "its only container belongs to another user");
            (await LabDocker.ContainerExistsAsync(docker, created.ID)).Should().BeTrue();
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, Token);
        }
    }
}
