using System.Diagnostics;
using Alpy.Lab.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Tests.Docker;

/// <summary>
/// How the lab runs a container to its exit with Docker.DotNet (attach, start, then wait, remove), against the real daemon,
/// and the gap in Docker.DotNet that decides the order: its wait has no condition.
/// </summary>
[Trait("Category", "integration")]
public sealed class ContainerRunTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private readonly ContainerRemovals _removals = new(fixture.Docker);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DockerClient Docker => fixture.Docker;

    [Fact]
    public async Task Given_a_created_container_When_Docker_DotNets_wait_is_called_before_the_start_Then_it_returns_at_once_with_exit_code_0()
    {
        // Docker.DotNet's WaitContainerAsync sends no condition, so the daemon waits for "not running", which a container that
        // never started already is. (No Docker.DotNet issue yet; docker-java had the same gap: docker-java#2356, fixed by #2487.)
        // Should this test fail, Docker.DotNet learnt to wait for the next exit, and ContainerRun may register its wait before the start.
        var id = await CreateAsync(["sh", "-c", "exit 7"]);

        var clock = Stopwatch.StartNew();
        var early = await Docker.Containers.WaitContainerAsync(id, Token);

        early.StatusCode.Should().Be(0, "the wait did not wait for the command, which would exit 7");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "it returned at once rather than waiting for a start");
        (await Docker.Containers.InspectContainerAsync(id, Token)).State!.Status.Should().Be("created", "the container never ran");
        (await ContainerRun.RunAsync(_removals, id, "exit-7", TimeSpan.FromSeconds(30), Token)).ExitCode
            .Should().Be(7, "waiting after the start gets the real exit code");
    }

    [Fact]
    public async Task Given_a_command_writing_to_both_streams_When_run_Then_its_exit_code_and_output_come_back_and_the_container_is_gone()
    {
        var id = await CreateAsync(["sh", "-c", "echo out; echo err >&2; exit 3"]);

        var exit = await ContainerRun.RunAsync(_removals, id, "both-streams", TimeSpan.FromSeconds(30), Token);

        exit.Should().Be(new ContainerExit(3, new ContainerOutput("out\n", "err\n")));
        await _removals.DrainAsync();
        (await Support.LabDocker.ContainerExistsAsync(Docker, id)).Should().BeFalse("the run removes its container once it read the exit code");
    }

    [Fact]
    public async Task Given_a_command_that_exits_before_any_wait_could_be_sent_When_run_Then_its_own_exit_code_survives_the_removal()
    {
        // `exit 5` ends microseconds after the start: long before the wait reaches the daemon. The container is not auto-removed,
        // so its exit code is still there to be read, and only then is it removed (off the result's path).
        var codes = new List<long>();
        for (var i = 0; i < 5; i++)
            codes.Add((await ContainerRun.RunAsync(_removals, await CreateAsync(["sh", "-c", "exit 5"]), "instant", TimeSpan.FromSeconds(30), Token)).ExitCode);

        codes.Should().AllBeEquivalentTo(5L);
        await _removals.DrainAsync();
        (await fixture.ContainersAsync(LabLabels.App)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_thousands_of_lines_interleaved_on_both_streams_When_run_Then_each_stream_comes_back_whole_and_in_order()
    {
        const int lines = 3000;
        var id = await CreateAsync(["sh", "-c", $"i=0; while [ $i -lt {lines} ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done"]);

        var exit = await ContainerRun.RunAsync(_removals, id, "chatty", TimeSpan.FromSeconds(60), Token);

        exit.Output.Stdout.Should().Be(string.Concat(Enumerable.Range(0, lines).Select(i => $"out {i}\n")));
        exit.Output.Stderr.Should().Be(string.Concat(Enumerable.Range(0, lines).Select(i => $"err {i}\n")));
        exit.Output.Truncated.Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_command_that_overruns_its_timeout_When_run_Then_it_is_killed_and_removed_and_the_error_carries_its_output_so_far()
    {
        var id = await CreateAsync(["sh", "-c", "echo started; sleep 60"]);

        var run = () => ContainerRun.RunAsync(_removals, id, "sleeper", TimeSpan.FromSeconds(1), Token);

        var error = (await run.Should().ThrowAsync<ContainerTimeoutException>()).Which;
        error.Message.Should().Contain("sleeper did not finish within 1 s; it was killed and removed").And.Contain("stdout «started»");
        (await Support.LabDocker.ContainerExistsAsync(Docker, id)).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_run_When_the_caller_cancels_it_Then_the_cancellation_propagates_and_the_container_is_removed()
    {
        var id = await CreateAsync(["sleep", "60"]);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancel.CancelAfter(TimeSpan.FromSeconds(1));

        var run = () => ContainerRun.RunAsync(_removals, id, "cancelled", TimeSpan.FromSeconds(60), cancel.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        (await Support.LabDocker.ContainerExistsAsync(Docker, id)).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_program_missing_from_the_image_When_run_Then_the_daemons_words_say_so_and_the_container_is_removed()
    {
        var id = await CreateAsync(["/no/such/program"]);

        var run = () => ContainerRun.RunAsync(_removals, id, "missing", TimeSpan.FromSeconds(30), Token);

        var error = (await run.Should().ThrowAsync<DockerApiException>()).Which;
        DaemonMessage.Of(error).Should().Contain("/no/such/program").And.Contain("no such file or directory");
        (await Support.LabDocker.ContainerExistsAsync(Docker, id)).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_running_container_When_a_command_is_executed_in_it_Then_its_exit_code_and_both_streams_come_back()
    {
        var exec = await ExecRun.RunAsync(Docker, fixture.Node.ContainerId, ["sh", "-c", "echo out; echo err >&2; exit 4"], TimeSpan.FromSeconds(30), Token);

        exec.Should().Be(new ContainerExit(4, new ContainerOutput("out\n", "err\n")));
    }

    private async Task<string> CreateAsync(IList<string> argv) =>
        (await Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = fixture.ToolsImage,
            Entrypoint = argv,
            Cmd = [],
            Labels = LabLabels.For(fixture.Run, LabLabels.App),
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, Token)).ID;
}
