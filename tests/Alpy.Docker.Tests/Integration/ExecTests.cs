namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class ExecTests(DockerFixture docker)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_running_container_When_a_command_is_executed_Then_its_exit_code_output_environment_and_directory_come_back()
    {
        await using var sleeper = await docker.CreateAsync(docker.Spec("sleep", "60"), "exec", start: true);

        var result = await docker.Client.Exec.RunAsync(
            sleeper.Id,
            new ExecSpec
            {
                Cmd = ["sh", "-c", "echo \"$GREETING from $(pwd)\"; echo oops >&2; exit 5"],
                Environment = new Dictionary<string, string> { ["GREETING"] = "hello" },
                WorkingDir = "/tmp",
            },
            TimeSpan.FromSeconds(10),
            Token);

        result.ExitCode.Should().Be(5);
        result.Stdout.Should().Be("hello from /tmp\n");
        result.Stderr.Should().Be("oops\n");
    }

    [Fact]
    public async Task Given_a_stopped_container_When_executing_Then_a_conflict_error_says_it_is_not_running()
    {
        await using var stopped = await docker.CreateAsync(docker.Spec("true"), "stopped");

        var exec = () => docker.Client.Exec.RunAsync(stopped.Id, new ExecSpec { Cmd = ["true"] }, TimeSpan.FromSeconds(5), Token);

        (await exec.Should().ThrowAsync<DockerConflictException>()).Which.DaemonMessage.Should().Contain("is not running");
    }
}
