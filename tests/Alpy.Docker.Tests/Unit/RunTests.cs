using System.Net;
using Alpy.Docker.Tests.Fakes;

namespace Alpy.Docker.Tests.Unit;

public sealed class RunTests
{
    private readonly FakeDockerHandler handler = new();

    private FakeDockerHandler Daemon(Func<RecordedRequest, HttpResponseMessage> start, Func<RecordedRequest, HttpResponseMessage> wait) =>
        handler.On(HttpMethod.Post, "/containers/create", HttpStatusCode.Created, """{"Id":"r1"}""")
            .On(HttpMethod.Post, "/containers/r1/wait", wait)
            .On(HttpMethod.Post, "/containers/r1/start", start)
            .On(HttpMethod.Post, "/containers/r1/attach", _ => FakeDockerHandler.Answer(HttpStatusCode.OK, new MemoryStream(Frames.Of((OutputStreamKind.Stdout, "pong\n")))))
            .On(HttpMethod.Post, "/containers/r1/kill", HttpStatusCode.NoContent)
            .On(HttpMethod.Delete, "/containers/r1", HttpStatusCode.NoContent);

    [Fact]
    public async Task Given_a_container_When_run_Then_output_and_wait_are_attached_before_start_and_it_is_removed_after_its_exit()
    {
        Daemon(_ => FakeDockerHandler.Answer(HttpStatusCode.NoContent), _ => FakeDockerHandler.Answer(HttpStatusCode.OK, """{"StatusCode":0}"""));
        using var client = FakeDocker.Client(handler);

        var result = await client.Containers.RunAsync(
            new ContainerSpec { Image = "alpy-tools", Cmd = ["ping", "-c", "1", "10.0.0.1"] }, new ContainerRunOptions { Name = "app" },
            TestContext.Current.CancellationToken);

        result.Should().BeEquivalentTo(new { ContainerId = "r1", ExitCode = 0L, Stdout = "pong\n", Stderr = "" });
        handler.Versioned.Select(r => $"{r.Method} {r.Path}{r.Query}").Should().Equal(
            "POST /containers/create?name=app",
            "POST /containers/r1/attach?stream=1&stdout=1&stderr=1",
            "POST /containers/r1/wait?condition=next-exit",
            "POST /containers/r1/start",
            "DELETE /containers/r1?force=1&v=1");
    }

    [Fact]
    public async Task Given_a_start_that_fails_When_run_Then_the_daemon_message_surfaces_and_the_container_is_removed()
    {
        Daemon(
            _ => FakeDockerHandler.Answer(HttpStatusCode.BadRequest, """{"message":"exec: \"nope\": executable file not found in $PATH"}"""),
            _ => FakeDockerHandler.Answer(HttpStatusCode.OK, new NeverEndingStream()));
        using var client = FakeDocker.Client(handler);

        var run = () => client.Containers.RunAsync(new ContainerSpec { Image = "alpy-tools", Cmd = ["nope"] }, cancellationToken: TestContext.Current.CancellationToken);

        await run.Should().ThrowAsync<DockerException>().WithMessage("*executable file not found*");
        handler.Versioned.Last().Method.Should().Be(HttpMethod.Delete);
    }

    [Fact]
    public async Task Given_a_container_that_runs_too_long_When_run_Then_it_is_killed_and_removed_and_the_error_carries_its_output()
    {
        Daemon(_ => FakeDockerHandler.Answer(HttpStatusCode.NoContent), _ => FakeDockerHandler.Answer(HttpStatusCode.OK, new NeverEndingStream()));
        using var client = FakeDocker.Client(handler);

        var run = () => client.Containers.RunAsync(
            new ContainerSpec { Image = "alpy-tools", Cmd = ["sleep", "100"] }, new ContainerRunOptions { Timeout = TimeSpan.FromMilliseconds(100) },
            TestContext.Current.CancellationToken);

        await run.Should().ThrowAsync<DockerTimeoutException>()
            .WithMessage("Container r1 (alpy-tools sleep 100) did not exit within 0.1 s; it was killed and removed. Output so far: stdout «pong\n» stderr «»");
        handler.Versioned.TakeLast(2).Select(r => $"{r.Method} {r.Path}").Should().Equal("POST /containers/r1/kill", "DELETE /containers/r1");
    }

    [Fact]
    public async Task Given_the_caller_cancels_When_running_Then_the_container_is_still_removed()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Daemon(
            _ =>
            {
                cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
                return FakeDockerHandler.Answer(HttpStatusCode.NoContent);
            },
            _ => FakeDockerHandler.Answer(HttpStatusCode.OK, new NeverEndingStream()));
        using var client = FakeDocker.Client(handler);

        var run = () => client.Containers.RunAsync(new ContainerSpec { Image = "alpy-tools", Cmd = ["sleep", "100"] }, cancellationToken: cancel.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        handler.Versioned.Last().Method.Should().Be(HttpMethod.Delete);
    }

    [Fact]
    public async Task Given_auto_remove_When_run_Then_it_is_refused_because_the_output_would_be_lost()
    {
        using var client = FakeDocker.Client(handler);

        var run = () => client.Containers.RunAsync(
            new ContainerSpec { Image = "i", HostConfig = new HostConfig { AutoRemove = true } }, cancellationToken: TestContext.Current.CancellationToken);

        await run.Should().ThrowAsync<ArgumentException>().WithMessage("*AutoRemove must be off*");
        handler.Requests.Should().BeEmpty();
    }
}
