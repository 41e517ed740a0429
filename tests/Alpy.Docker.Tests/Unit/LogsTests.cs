using System.Net;
using Alpy.Docker.Tests.Fakes;

namespace Alpy.Docker.Tests.Unit;

public sealed class LogsTests
{
    private readonly FakeDockerHandler handler = new();

    [Fact]
    public async Task Given_multiplexed_logs_split_across_reads_When_read_Then_stdout_and_stderr_are_demultiplexed()
    {
        var frames = Frames.Of((OutputStreamKind.Stdout, "64 bytes from 10.0.0.1\n"), (OutputStreamKind.Stderr, "warning\n"));
        handler.On(HttpMethod.Get, "/containers/c1/logs", _ => FakeDockerHandler.Answer(HttpStatusCode.OK, new ChunkedStream(frames, 5, 2, 11)));
        using var client = FakeDocker.Client(handler);

        var output = await client.Containers.GetLogsAsync(
            "c1", new ContainerLogsOptions { Tail = 10, Timestamps = true, Since = DateTimeOffset.FromUnixTimeSeconds(1700000000) },
            TestContext.Current.CancellationToken);

        output.Should().Be(new ContainerOutput("64 bytes from 10.0.0.1\n", "warning\n", false));
        handler.Versioned.Single().Query.Should().Be("?stdout=1&stderr=1&follow=0&timestamps=1&since=1700000000&tail=10");
    }

    [Fact]
    public async Task Given_a_tty_container_When_logs_are_read_with_Tty_Then_the_raw_stream_is_stdout()
    {
        handler.On(HttpMethod.Get, "/containers/c1/logs", HttpStatusCode.OK, "plain terminal text\r\n");
        using var client = FakeDocker.Client(handler);

        var output = await client.Containers.GetLogsAsync("c1", new ContainerLogsOptions { Tty = true }, TestContext.Current.CancellationToken);

        output.Stdout.Should().Be("plain terminal text\r\n");
    }

    [Fact]
    public async Task Given_a_followed_container_When_enumerated_Then_chunks_arrive_with_their_stream()
    {
        var frames = Frames.Of((OutputStreamKind.Stdout, "listening\n"), (OutputStreamKind.Stderr, "accepted\n"));
        handler.On(HttpMethod.Get, "/containers/c1/logs", _ => FakeDockerHandler.Answer(HttpStatusCode.OK, new MemoryStream(frames)));
        using var client = FakeDocker.Client(handler);

        var chunks = new List<OutputChunk>();
        await foreach (var chunk in client.Containers.FollowLogsAsync("c1", cancellationToken: TestContext.Current.CancellationToken))
        {
            chunks.Add(chunk);
        }

        chunks.Select(c => (c.Stream, c.Text)).Should().Equal((OutputStreamKind.Stdout, "listening\n"), (OutputStreamKind.Stderr, "accepted\n"));
        handler.Versioned.Single().Query.Should().Contain("follow=1");
    }

    [Fact]
    public async Task Given_a_followed_container_that_stays_silent_When_the_timeout_passes_Then_a_timeout_is_raised()
    {
        handler.On(HttpMethod.Get, "/containers/c1/logs", _ => FakeDockerHandler.Answer(HttpStatusCode.OK, new NeverEndingStream()));
        using var client = FakeDocker.Client(handler);

        var follow = async () =>
        {
            await foreach (var _ in client.Containers.FollowLogsAsync(
                               "c1", new ContainerLogsOptions { Timeout = TimeSpan.FromMilliseconds(100) }, TestContext.Current.CancellationToken))
            {
            }
        };

        await follow.Should().ThrowAsync<DockerTimeoutException>().WithMessage("Docker GET /containers/c1/logs?*follow=1* did not finish within 0.1 s.");
    }

    [Fact]
    public async Task Given_an_attachment_When_read_to_the_end_Then_the_hijacked_stream_is_demultiplexed()
    {
        handler.On(HttpMethod.Post, "/containers/c1/attach", _ => FakeDockerHandler.Answer(
            HttpStatusCode.OK, new ChunkedStream(Frames.Of((OutputStreamKind.Stderr, "e"), (OutputStreamKind.Stdout, "o")), 1)));
        using var client = FakeDocker.Client(handler);

        using var attachment = await client.Containers.AttachAsync("c1", cancellationToken: TestContext.Current.CancellationToken);
        var output = await attachment.ReadToEndAsync(TimeSpan.FromSeconds(5), 1024, TestContext.Current.CancellationToken);

        output.Should().Be(new ContainerOutput("o", "e", false));
        handler.Versioned.Single().Query.Should().Be("?stream=1&stdout=1&stderr=1");
    }
}
