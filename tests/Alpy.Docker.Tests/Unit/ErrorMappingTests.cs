using System.Net;
using System.Net.Sockets;
using Alpy.Docker.Tests.Fakes;

namespace Alpy.Docker.Tests.Unit;

public sealed class ErrorMappingTests
{
    [Fact]
    public async Task Given_a_404_When_inspecting_Then_a_not_found_exception_carries_the_daemon_message()
    {
        var handler = new FakeDockerHandler()
            .On(HttpMethod.Get, "/containers/gone/json", HttpStatusCode.NotFound, """{"message":"No such container: gone"}""");
        using var client = FakeDocker.Client(handler);

        var inspect = () => client.Containers.InspectAsync("gone", TestContext.Current.CancellationToken);

        var error = (await inspect.Should().ThrowAsync<DockerNotFoundException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.NotFound);
        error.DaemonMessage.Should().Be("No such container: gone");
        error.Message.Should().Be("Docker GET /containers/gone/json failed with 404 Not Found: No such container: gone");
    }

    [Fact]
    public async Task Given_a_404_When_trying_to_inspect_Then_null_is_returned()
    {
        var handler = new FakeDockerHandler()
            .On(HttpMethod.Get, "/containers/gone/json", HttpStatusCode.NotFound, """{"message":"No such container: gone"}""");
        using var client = FakeDocker.Client(handler);

        (await client.Containers.TryInspectAsync("gone", TestContext.Current.CancellationToken)).Should().BeNull();
    }

    [Fact]
    public async Task Given_a_409_When_creating_Then_a_conflict_exception_names_the_request()
    {
        var handler = new FakeDockerHandler()
            .On(HttpMethod.Post, "/containers/create", HttpStatusCode.Conflict, """{"message":"Conflict. The container name \"/n\" is already in use"}""");
        using var client = FakeDocker.Client(handler);

        var create = () => client.Containers.CreateAsync(new ContainerSpec { Image = "i" }, "n", TestContext.Current.CancellationToken);

        await create.Should().ThrowAsync<DockerConflictException>()
            .WithMessage("Docker POST /containers/create?name=n failed with 409 Conflict: Conflict. The container name \"/n\" is already in use");
    }

    [Fact]
    public async Task Given_a_500_with_a_plain_text_body_When_starting_Then_the_text_is_the_daemon_message()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Post, "/containers/c/start", HttpStatusCode.InternalServerError, "runc exploded\n");
        using var client = FakeDocker.Client(handler);

        var start = () => client.Containers.StartAsync("c", TestContext.Current.CancellationToken);

        var error = (await start.Should().ThrowAsync<DockerException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        error.DaemonMessage.Should().Be("runc exploded");
    }

    [Fact]
    public async Task Given_a_huge_error_body_When_read_Then_only_a_bounded_part_is_kept()
    {
        var handler = new FakeDockerHandler()
            .On(HttpMethod.Post, "/containers/c/start", HttpStatusCode.InternalServerError, new string('x', 10_000_000));
        using var client = FakeDocker.Client(handler);

        var start = () => client.Containers.StartAsync("c", TestContext.Current.CancellationToken);

        (await start.Should().ThrowAsync<DockerException>()).Which.DaemonMessage!.Length.Should().Be(64 * 1024);
    }

    [Fact]
    public async Task Given_a_missing_socket_When_pinging_Then_the_error_names_the_socket_and_the_fix()
    {
        var path = $"/tmp/alpy-test-missing-{Guid.NewGuid():N}.sock";
        using var client = new DockerClient(new DockerClientOptions { Endpoint = DockerEndpoint.Parse("unix://" + path) });

        var ping = () => client.PingAsync(TestContext.Current.CancellationToken);

        var error = (await ping.Should().ThrowAsync<DockerUnreachableException>()).Which;
        error.Message.Should().Be(
            $"Docker daemon not reachable at unix://{path}: the socket {path} does not exist. "
            + "Is dockerd running? Run scripts/install-prerequisites (it starts dockerd), or point DOCKER_HOST at a running daemon.");
        error.StatusCode.Should().BeNull();
    }

    [Fact]
    public async Task Given_a_socket_nobody_listens_on_When_pinging_Then_the_connection_is_refused_clearly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alpy-test-refuse-{Guid.NewGuid():N}.sock");
        // Bound but not listening: the socket file exists and connecting is refused.
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(path));
        try
        {
            using var client = new DockerClient(new DockerClientOptions { Endpoint = DockerEndpoint.Parse("unix://" + path) });

            var ping = () => client.PingAsync(TestContext.Current.CancellationToken);

            await ping.Should().ThrowAsync<DockerUnreachableException>().WithMessage($"*unix://{path}: connection refused. Is dockerd running?*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Given_a_daemon_that_does_not_answer_in_time_When_requesting_Then_a_timeout_exception_names_the_request()
    {
        using var client = new DockerClient(
            new DockerClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200), ApiVersion = new DockerApiVersion(1, 41) }, new StallingHandler());

        var inspect = () => client.Containers.InspectAsync("slow", TestContext.Current.CancellationToken);

        var error = (await inspect.Should().ThrowAsync<DockerTimeoutException>()).Which;
        error.Message.Should().StartWith("Docker GET /containers/slow/json did not finish within 0.2 s.");
        error.Timeout.Should().Be(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Given_the_caller_cancels_When_requesting_Then_it_is_a_cancellation_not_a_timeout()
    {
        using var client = new DockerClient(new DockerClientOptions { ApiVersion = new DockerApiVersion(1, 41) }, new StallingHandler());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var inspect = () => client.Containers.InspectAsync("slow", cancel.Token);

        (await inspect.Should().ThrowAsync<OperationCanceledException>()).Which.Should().NotBeOfType<DockerTimeoutException>();
    }

    /// <summary>Never answers; honours cancellation like a real connection.</summary>
    private sealed class StallingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
