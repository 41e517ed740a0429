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
}
