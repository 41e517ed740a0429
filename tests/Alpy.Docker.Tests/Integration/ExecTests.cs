namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class ExecTests(DockerFixture docker)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_running_container_When_a_command_is_executed_Then_its_exit_code_output_environment_and_directory_come_back()
    {
        var created = await docker.Client.Containers.CreateAsync(docker.Spec("sleep", "60"), docker.Name("exec"), Token);
        try
        {
            await docker.Client.Containers.StartAsync(created.Id, Token);

            var result = await docker.Client.Exec.RunAsync(
                created.Id,
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
        finally
        {
            await docker.Client.Containers.RemoveAsync(created.Id, force: true, Token);
        }
    }

    [Fact]
    public async Task Given_a_stopped_container_When_executing_Then_a_conflict_error_says_it_is_not_running()
    {
        var created = await docker.Client.Containers.CreateAsync(docker.Spec("true"), docker.Name("stopped"), Token);
        try
        {
            var exec = () => docker.Client.Exec.RunAsync(created.Id, new ExecSpec { Cmd = ["true"] }, TimeSpan.FromSeconds(5), Token);

            (await exec.Should().ThrowAsync<DockerConflictException>()).Which.DaemonMessage.Should().Contain("is not running");
        }
        finally
        {
            await docker.Client.Containers.RemoveAsync(created.Id, force: true, Token);
        }
    }
}
