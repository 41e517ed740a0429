namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class ContainerLifecycleTests(DockerFixture docker)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ContainerOperations Containers => docker.Client.Containers;

    [Fact]
    public async Task Given_a_command_When_run_Then_its_exit_code_and_both_streams_come_back_and_nothing_is_left()
    {
        var name = docker.Name("run");

        var result = await Containers.RunAsync(
            docker.Spec("sh", "-c", "echo out; echo err >&2; exit 3"), new ContainerRunOptions { Name = name }, Token);

        result.ExitCode.Should().Be(3);
        result.Stdout.Should().Be("out\n");
        result.Stderr.Should().Be("err\n");
        (await Containers.TryInspectAsync(name, Token)).Should().BeNull();
    }

    [Fact]
    public async Task Given_arguments_with_shell_characters_When_run_Then_they_arrive_verbatim()
    {
        var hostile = "$(id); rm -rf / `true` 'quoted' \"double\" *";

        var result = await Containers.RunAsync(docker.Spec("echo", hostile), cancellationToken: Token);

        result.Stdout.Should().Be(hostile + "\n");
    }

    [Fact]
    public async Task Given_a_running_container_When_inspected_and_listed_Then_state_namespace_and_labels_show()
    {
        await using var sleeper = await docker.CreateAsync(docker.Spec("sleep", "60"), "sleeper", start: true);

        var inspected = await Containers.InspectAsync(sleeper.Name, Token);
        var listed = await Containers.ListAsync(new ContainerListOptions { Labels = [$"alpy.test={docker.Run}"], Names = [sleeper.Name] }, Token);

        inspected.Id.Should().Be(sleeper.Id);
        inspected.State.Running.Should().BeTrue();
        inspected.State.Pid.Should().BePositive();
        inspected.HostConfig!.NetworkMode.Should().Be("none");
        inspected.Config.Labels.Should().Contain("alpy.test", docker.Run);
        listed.Should().ContainSingle().Which.Id.Should().Be(sleeper.Id);
    }

    [Fact]
    public async Task Given_a_running_container_When_started_again_and_stopped_twice_Then_neither_repeat_is_an_error()
    {
        var spec = docker.Spec("sleep", "60") with { HostConfig = new HostConfig { NetworkMode = "none", Init = true } };
        await using var sleeper = await docker.CreateAsync(spec, "twice", start: true);

        await Containers.StartAsync(sleeper.Id, Token);
        await Containers.StopAsync(sleeper.Id, TimeSpan.FromSeconds(5), Token);
        await Containers.StopAsync(sleeper.Id, TimeSpan.FromSeconds(5), Token);

        (await Containers.InspectAsync(sleeper.Id, Token)).State.Running.Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_container_When_removed_Then_it_is_gone()
    {
        await using var container = await docker.CreateAsync(docker.Spec("sleep", "60"), "remove", start: true);

        await Containers.RemoveAsync(container.Id, force: true, Token);

        (await Containers.TryInspectAsync(container.Id, Token)).Should().BeNull();
        var again = () => Containers.RemoveAsync(container.Id, force: true, Token);
        await again.Should().ThrowAsync<DockerNotFoundException>();
    }

    [Fact]
    public async Task Given_a_running_container_When_killed_Then_the_wait_reports_the_signal_exit()
    {
        await using var sleeper = await docker.CreateAsync(docker.Spec("sleep", "60"), "kill", start: true);

        await Containers.KillAsync(sleeper.Id, cancellationToken: Token);
        var exit = await Containers.WaitAsync(sleeper.Id, TimeSpan.FromSeconds(10), cancellationToken: Token);

        exit.StatusCode.Should().Be(137);
    }

    [Fact]
    public async Task Given_a_container_with_an_init_When_stopped_Then_it_ends_by_SIGTERM_within_the_grace_period()
    {
        var spec = docker.Spec("sleep", "60") with { HostConfig = new HostConfig { NetworkMode = "none", Init = true } };
        await using var sleeper = await docker.CreateAsync(spec, "stop", start: true);

        await Containers.StopAsync(sleeper.Id, TimeSpan.FromSeconds(5), Token);

        (await Containers.InspectAsync(sleeper.Id, Token)).State.Should().BeEquivalentTo(new { Running = false, Status = "exited", ExitCode = 143L });
    }

    [Fact]
    public async Task Given_a_wait_registered_before_start_When_the_container_exits_at_once_Then_the_exit_is_not_missed()
    {
        await using var container = await docker.CreateAsync(docker.Spec("false"), "fast");
        using var wait = await Containers.BeginWaitAsync(container.Id, WaitCondition.NextExit, Token);
        await Containers.StartAsync(container.Id, Token);

        var exit = await wait.GetExitAsync(TimeSpan.FromSeconds(10), Token);

        exit.StatusCode.Should().Be(1);
    }

    [Fact]
    public async Task Given_an_app_in_a_nodes_network_namespace_When_it_connects_to_loopback_Then_it_reaches_the_nodes_server()
    {
        await using var node = await docker.CreateAsync(docker.Spec("sh", "-c", "echo hello-from-node | nc -l -p 7777"), "node", start: true);

        var app = await Containers.RunAsync(
            docker.Spec("sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do nc 127.0.0.1 7777 && exit 0; sleep 0.2; done; exit 1") with
            {
                HostConfig = new HostConfig { NetworkMode = NamespaceMode.Container(node.Id) },
            },
            cancellationToken: Token);

        app.ExitCode.Should().Be(0);
        app.Stdout.Should().Be("hello-from-node\n");
    }

    [Fact]
    public async Task Given_an_image_that_does_not_exist_When_creating_Then_a_not_found_error_names_it()
    {
        var create = () => Containers.CreateAsync(docker.Spec("true") with { Image = "alpy-no-such-image:" + docker.Run }, null, Token);

        (await create.Should().ThrowAsync<DockerNotFoundException>()).Which.DaemonMessage.Should().Contain("alpy-no-such-image");
    }

    [Fact]
    public async Task Given_a_taken_name_When_creating_another_Then_a_conflict_error_says_so()
    {
        await using var first = await docker.CreateAsync(docker.Spec("true"), "twice");

        var second = () => Containers.CreateAsync(docker.Spec("true"), first.Name, Token);

        (await second.Should().ThrowAsync<DockerConflictException>()).Which.DaemonMessage.Should().Contain("already in use");
    }

    [Fact]
    public async Task Given_a_missing_executable_When_run_Then_the_daemon_says_why_and_nothing_is_left()
    {
        var name = docker.Name("noexec");

        var run = () => Containers.RunAsync(docker.Spec("/bin/no-such-tool"), new ContainerRunOptions { Name = name }, Token);

        (await run.Should().ThrowAsync<DockerException>()).Which.Message.Should().Contain("no-such-tool");
        (await Containers.TryInspectAsync(name, Token)).Should().BeNull();
    }

    [Fact]
    public async Task Given_a_container_that_runs_too_long_When_run_with_a_timeout_Then_it_is_removed_and_the_error_says_so()
    {
        var name = docker.Name("slow");

        var run = () => Containers.RunAsync(
            docker.Spec("sh", "-c", "echo started; sleep 30"), new ContainerRunOptions { Name = name, Timeout = TimeSpan.FromSeconds(1) }, Token);

        await run.Should().ThrowAsync<DockerTimeoutException>().WithMessage("*did not exit within 1 s; it was killed and removed. Output so far: stdout «started\n»*");
        (await Containers.TryInspectAsync(name, Token)).Should().BeNull();
    }
}
