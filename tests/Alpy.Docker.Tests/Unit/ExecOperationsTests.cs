using System.Net;
using System.Text.Json;
using Alpy.Docker.Tests.Fakes;

namespace Alpy.Docker.Tests.Unit;

public sealed class ExecOperationsTests
{
    private readonly FakeDockerHandler handler = new();

    [Fact]
    public async Task Given_a_command_When_run_Then_it_is_created_started_attached_and_its_exit_code_polled()
    {
        var inspections = 0;
        handler.On(HttpMethod.Post, "/containers/node0/exec", HttpStatusCode.Created, """{"Id":"e1"}""")
            .On(HttpMethod.Post, "/exec/e1/start", _ => FakeDockerHandler.Answer(
                HttpStatusCode.OK, new ChunkedStream(Frames.Of((OutputStreamKind.Stdout, "up\n"), (OutputStreamKind.Stderr, "err\n")), 3)))
            .On(HttpMethod.Get, "/exec/e1/json", _ => FakeDockerHandler.Answer(HttpStatusCode.OK, ++inspections < 3
                ? """{"ID":"e1","Running":true,"ExitCode":null,"Pid":42}"""
                : """{"ID":"e1","Running":false,"ExitCode":4,"Pid":42,"ContainerID":"node0"}"""));
        using var client = FakeDocker.Client(handler);
        var spec = new ExecSpec { Cmd = ["ip", "link", "set", "tap0", "up"], Environment = new Dictionary<string, string> { ["X"] = "1" }, User = "0" };

        var result = await client.Exec.RunAsync("node0", spec, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        result.ExitCode.Should().Be(4);
        result.Stdout.Should().Be("up\n");
        result.Stderr.Should().Be("err\n");
        inspections.Should().Be(3);
        var create = JsonDocument.Parse(handler.Versioned.First().Body).RootElement;
        create.GetProperty("Cmd").EnumerateArray().Select(e => e.GetString()).Should().Equal("ip", "link", "set", "tap0", "up");
        create.GetProperty("Env")[0].GetString().Should().Be("X=1");
        create.GetProperty("AttachStdout").GetBoolean().Should().BeTrue();
        create.GetProperty("AttachStderr").GetBoolean().Should().BeTrue();
        create.GetProperty("Tty").GetBoolean().Should().BeFalse();
        handler.Versioned.ElementAt(1).BodyText.Should().Be("""{"Detach":false,"Tty":false}""");
    }

    [Fact]
    public async Task Given_an_empty_command_When_creating_Then_it_is_refused()
    {
        using var client = FakeDocker.Client(handler);

        var create = () => client.Exec.CreateAsync("node0", new ExecSpec { Cmd = [] }, TestContext.Current.CancellationToken);

        await create.Should().ThrowAsync<ArgumentException>().WithMessage("An exec needs a command*");
    }

    [Fact]
    public async Task Given_a_detached_start_When_sent_Then_detach_is_requested()
    {
        handler.On(HttpMethod.Post, "/exec/e1/start", HttpStatusCode.OK);
        using var client = FakeDocker.Client(handler);

        await client.Exec.StartDetachedAsync("e1", TestContext.Current.CancellationToken);

        handler.Versioned.Single().BodyText.Should().Be("""{"Detach":true,"Tty":false}""");
    }

    [Fact]
    public async Task Given_a_command_that_never_finishes_When_run_with_a_timeout_Then_the_error_names_the_command()
    {
        handler.On(HttpMethod.Post, "/containers/node0/exec", HttpStatusCode.Created, """{"Id":"e1"}""")
            .On(HttpMethod.Post, "/exec/e1/start", _ => FakeDockerHandler.Answer(HttpStatusCode.OK, new NeverEndingStream()));
        using var client = FakeDocker.Client(handler);

        var run = () => client.Exec.RunAsync("node0", new ExecSpec { Cmd = ["sleep", "9"] }, TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);

        await run.Should().ThrowAsync<DockerTimeoutException>().WithMessage("Docker exec sleep 9 in container node0 did not finish within 0.1 s*");
    }
}
