namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class LogsTests(DockerFixture docker)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_megabyte_of_output_on_both_streams_When_read_Then_every_byte_lands_on_its_stream()
    {
        var result = await docker.Client.Containers.RunAsync(
            docker.Spec("sh", "-c", "yes abcdefghi | head -c 1048576; yes E | head -c 100000 >&2"), cancellationToken: Token);

        result.Stdout.Length.Should().Be(1048576);
        result.Stdout.Should().StartWith("abcdefghi\nabcdefghi\n");
        result.Stderr.Length.Should().Be(100000);
        result.Stderr.Replace("E\n", "", StringComparison.Ordinal).Should().BeEmpty();
        result.Output.Truncated.Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_small_output_limit_When_run_Then_the_beginning_is_kept_and_truncation_reported()
    {
        var result = await docker.Client.Containers.RunAsync(
            docker.Spec("sh", "-c", "yes x | head -c 5000"), new ContainerRunOptions { MaxBytesPerStream = 100 }, Token);

        result.Stdout.Should().Be(string.Concat(Enumerable.Repeat("x\n", 50)));
        result.Output.Truncated.Should().BeTrue();
    }

    [Fact]
    public async Task Given_a_running_server_When_its_logs_are_followed_Then_chunks_arrive_until_it_exits()
    {
        await using var server = await docker.CreateAsync(docker.Spec("sh", "-c", "echo listening; sleep 0.3; echo accepted >&2"), "follow", start: true);

        var chunks = new List<OutputChunk>();
        await foreach (var chunk in docker.Client.Containers.FollowLogsAsync(server.Id, new ContainerLogsOptions { Timeout = TimeSpan.FromSeconds(10) }, Token))
        {
            chunks.Add(chunk);
        }

        chunks.Select(c => (c.Stream, c.Text)).Should().Equal((OutputStreamKind.Stdout, "listening\n"), (OutputStreamKind.Stderr, "accepted\n"));
    }

    [Fact]
    public async Task Given_a_tty_container_When_its_logs_are_read_raw_Then_the_terminal_output_comes_back()
    {
        await using var terminal = await docker.CreateAsync(docker.Spec("echo", "on a terminal") with { Tty = true }, "tty", start: true);
        await docker.Client.Containers.WaitAsync(terminal.Id, TimeSpan.FromSeconds(10), cancellationToken: Token);

        var output = await docker.Client.Containers.GetLogsAsync(terminal.Id, new ContainerLogsOptions { Tty = true }, Token);

        output.Stdout.Should().Be("on a terminal\r\n");
    }

    [Fact]
    public async Task Given_an_auto_removed_container_attached_before_start_When_it_exits_Then_its_output_was_caught_and_it_is_gone()
    {
        await using var created = await docker.CreateAsync(
            docker.Spec("sh", "-c", "echo caught; echo also >&2; exit 4") with { HostConfig = new HostConfig { NetworkMode = "none", AutoRemove = true } },
            "attach");
        using var attachment = await docker.Client.Containers.AttachAsync(created.Id, cancellationToken: Token);
        using var removed = await docker.Client.Containers.BeginWaitAsync(created.Id, WaitCondition.Removed, Token);
        await docker.Client.Containers.StartAsync(created.Id, Token);

        var output = await attachment.ReadToEndAsync(TimeSpan.FromSeconds(10), 1024, Token);
        var exit = await removed.GetExitAsync(TimeSpan.FromSeconds(10), Token);

        output.Should().Be(new ContainerOutput("caught\n", "also\n", false));
        exit.StatusCode.Should().Be(4);
        (await docker.Client.Containers.TryInspectAsync(created.Id, Token)).Should().BeNull();
    }
}
