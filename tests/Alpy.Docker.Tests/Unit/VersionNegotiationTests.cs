using System.Net;
using Alpy.Docker.Tests.Fakes;

namespace Alpy.Docker.Tests.Unit;

public sealed class VersionNegotiationTests
{
    private const string Version = """{"Version":"20.10.24","ApiVersion":"1.41","MinAPIVersion":"1.12","Os":"linux","Arch":"amd64"}""";

    [Fact]
    public async Task Given_a_daemon_speaking_1_41_When_a_request_is_sent_Then_it_goes_under_the_v1_41_prefix()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/version", HttpStatusCode.OK, Version);
        using var client = FakeDocker.Client(handler);

        await client.GetVersionAsync(TestContext.Current.CancellationToken);

        handler.Requests.Select(r => r.VersionedPath).Should().Equal("/_ping", "/v1.41/version");
    }

    [Fact]
    public async Task Given_a_daemon_newer_than_the_client_When_negotiating_Then_the_client_maximum_is_used()
    {
        using var client = FakeDocker.Client(new FakeDockerHandler { DaemonApiVersion = "1.49" });

        var version = await client.GetApiVersionAsync(TestContext.Current.CancellationToken);

        version.Should().Be(DockerApiVersion.MaximumSupported);
    }

    [Fact]
    public async Task Given_a_daemon_older_than_supported_When_negotiating_Then_the_error_says_to_upgrade()
    {
        using var client = FakeDocker.Client(new FakeDockerHandler { DaemonApiVersion = "1.30" });

        var negotiate = () => client.GetApiVersionAsync(TestContext.Current.CancellationToken);

        await negotiate.Should().ThrowAsync<DockerException>().WithMessage("*speaks API 1.30, older than 1.40*Upgrade Docker*");
    }

    [Fact]
    public async Task Given_a_ping_without_version_header_When_negotiating_Then_the_version_endpoint_is_asked()
    {
        var handler = new FakeDockerHandler { DaemonApiVersion = null };
        handler.On(HttpMethod.Get, "/version", HttpStatusCode.OK, Version);
        using var client = FakeDocker.Client(handler);

        var version = await client.GetApiVersionAsync(TestContext.Current.CancellationToken);

        version.Should().Be(new DockerApiVersion(1, 41));
        handler.Requests.Select(r => r.Path).Should().Equal("/_ping", "/version");
    }

    [Fact]
    public async Task Given_many_concurrent_first_requests_When_sent_Then_the_daemon_is_pinged_once()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/version", HttpStatusCode.OK, Version);
        using var client = FakeDocker.Client(handler);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetVersionAsync(TestContext.Current.CancellationToken)));

        handler.Requests.Count(r => r.VersionedPath == "/_ping").Should().Be(1);
        handler.Requests.Count(r => r.VersionedPath == "/v1.41/version").Should().Be(8);
    }

    [Fact]
    public async Task Given_a_pinned_version_When_a_request_is_sent_Then_no_negotiation_happens()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/version", HttpStatusCode.OK, Version);
        using var client = FakeDocker.Client(handler, new DockerClientOptions { ApiVersion = new DockerApiVersion(1, 40) });

        await client.GetVersionAsync(TestContext.Current.CancellationToken);

        handler.Requests.Select(r => r.VersionedPath).Should().Equal("/v1.40/version");
    }

    [Fact]
    public async Task Given_a_failed_negotiation_When_the_daemon_comes_back_Then_the_next_request_negotiates_again()
    {
        var attempts = 0;
        var handler = new FakeDockerHandler()
            .On(HttpMethod.Get, "/_ping", _ => ++attempts == 1
                ? FakeDockerHandler.Answer(HttpStatusCode.ServiceUnavailable, """{"message":"starting"}""")
                : new HttpResponseMessage(HttpStatusCode.OK) { Headers = { { "Api-Version", "1.41" } } });
        using var client = FakeDocker.Client(handler);

        var first = () => client.GetApiVersionAsync(TestContext.Current.CancellationToken);
        await first.Should().ThrowAsync<DockerException>().WithMessage("*503*starting*");
        var second = await client.GetApiVersionAsync(TestContext.Current.CancellationToken);

        second.Should().Be(new DockerApiVersion(1, 41));
    }
}
