using System.Diagnostics;
using Alpy.Lab.Runs;
using Alpy.Lab.Teardown;
using Alpy.Lab.Tests.Support;

namespace Alpy.Lab.Tests.Lifecycle;

/// <summary>
/// The Docker daemon dies under a running lab (SIGKILL, on a private daemon: the machine's own is shared and never stopped):
/// what the lab does next fails at once with a message that says so, and the next lab, once the daemon is back, reaps what the
/// dead run left in it. (A SIGKILLed lab host is <see cref="CrashTests"/>.)
/// </summary>
[Trait("Category", "integration")]
[Collection(QemuLabs.Name)]
public sealed class DaemonDeathTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_lab_whose_dockerd_is_killed_When_it_is_used_Then_it_fails_at_once_saying_so_and_the_next_lab_reaps_the_dead_runs_containers()
    {
        await using var daemon = await PrivateDockerd.StartAsync();
        var options = await LabFactory.OptionsAsync() with { DockerEndpoint = daemon.Endpoint };
        var socket = daemon.Endpoint.LocalPath;
        string[] ping = ["ping", "-c", "1", "-W", "5", "192.168.0.1"];
        RunId dead;
        var lab = await Lab.StartAsync(options, cancellationToken: Token);
        try
        {
            dead = lab.RunId;
            (await lab.RunAsync(lab.Node(0), ping, cancellationToken: Token)).ExitCode.Should().Be(0, "the lab works on the private daemon");

            await daemon.KillAsync();
            var clock = Stopwatch.StartNew();
            var app = () => lab.RunAsync(lab.Node(0), ping, cancellationToken: Token);
            var reset = () => lab.ResetAsync(Token);

            // "Connection refused" is the daemon's socket answering at once, not a timeout running out: the next scenarios fail now.
            var expected = $"Docker daemon not reachable at unix://{socket}: connection refused: nobody listens on {socket} (dockerd stopped or crashed?). "
                           + "Is dockerd running?";
            (await app.Should().ThrowAsync<LabException>()).Which.Message.Should().Contain(expected).And.Contain("App alpy-" + dead);
            (await reset.Should().ThrowAsync<LabException>()).Which.Message.Should().Contain(expected);
            TestContext.Current.TestOutputHelper?.WriteLine($"an app run and a reset failed {clock.ElapsedMilliseconds} ms after the kill");
        }
        finally
        {
            try
            {
                await lab.DisposeAsync();
            }
            catch (LabTeardownException e)
            {
                // Expected once the daemon is dead: its containers cannot be removed; QEMU and the registry folder still go.
                TestContext.Current.TestOutputHelper?.WriteLine(e.Message);
            }
        }
        NoTrash.RunProcessesOf(dead).Should().BeEmpty("QEMU does not need Docker to stop");
        Directory.Exists(Path.Combine(new RunRegistry().Root, dead.Value)).Should().BeFalse("the dead run's registry folder is released");

        await daemon.RestartAsync();
        using var docker = daemon.Client();
        (await LabDocker.ContainersOfRunAsync(docker, dead.Value)).Should().NotBeEmpty("the killed daemon's containers outlive it");
        await using (var next = await Lab.StartAsync(options, cancellationToken: Token))
        {
            (await LabDocker.ContainersOfRunAsync(docker, dead.Value)).Should().BeEmpty("the next lab reaps what the dead run left");
            next.BringUpPhases.Select(p => p.Name).Should().Contain("reap dead runs");
            (await next.RunAsync(next.Node(0), ping, cancellationToken: Token)).ExitCode.Should().Be(0, "a lab on the restarted daemon works");
        }
        LabDocker.HostTapsOfRun(dead.Value).Should().BeEmpty();
    }
}
