namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class SystemTests(DockerFixture docker)
{
    [Fact]
    public async Task Given_the_local_daemon_When_pinged_Then_it_answers_with_its_api_version()
    {
        var ping = await docker.Client.PingAsync(TestContext.Current.CancellationToken);

        ping.ApiVersion.Should().NotBeNull();
        ping.OsType.Should().Be("linux");
        ping.Server.Should().StartWith("Docker/");
    }

    [Fact]
    public async Task Given_the_local_daemon_When_negotiating_Then_the_lower_of_both_maxima_is_used()
    {
        var ping = await docker.Client.PingAsync(TestContext.Current.CancellationToken);

        var used = await docker.Client.GetApiVersionAsync(TestContext.Current.CancellationToken);

        var daemon = ping.ApiVersion!.Value;
        used.Should().Be(daemon < DockerApiVersion.MaximumSupported ? daemon : DockerApiVersion.MaximumSupported);
    }

    [Fact]
    public async Task Given_the_local_daemon_When_asked_its_version_Then_it_is_typed()
    {
        var version = await docker.Client.GetVersionAsync(TestContext.Current.CancellationToken);

        version.Os.Should().Be("linux");
        DockerApiVersion.Parse(version.ApiVersion).Should().BeGreaterThanOrEqualTo(DockerApiVersion.MinimumSupported);
        version.Version.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Given_the_daemon_behind_a_tcp_address_When_used_Then_containers_run_through_it()
    {
        await using var proxy = new LoopbackProxy("/var/run/docker.sock");
        using var overTcp = new DockerClient(DockerClientOptions.FromEnvironment(name => name == "DOCKER_HOST" ? proxy.Address : null));

        var ping = await overTcp.PingAsync(TestContext.Current.CancellationToken);
        var run = await overTcp.Containers.RunAsync(docker.Spec("echo", "over tcp"), cancellationToken: TestContext.Current.CancellationToken);

        ping.OsType.Should().Be("linux");
        run.Stdout.Should().Be("over tcp\n");
    }

    [Fact]
    public async Task Given_a_tcp_address_nobody_listens_on_When_pinged_Then_the_error_names_the_address()
    {
        using var nobody = new DockerClient(new DockerClientOptions { Endpoint = DockerEndpoint.Parse("tcp://127.0.0.1:1") });

        var ping = () => nobody.PingAsync(TestContext.Current.CancellationToken);

        await ping.Should().ThrowAsync<DockerUnreachableException>()
            .WithMessage("Docker daemon not reachable at tcp://127.0.0.1:1: connection refused. Is dockerd listening there?*");
    }
}
