using Alpy.Lab.Apps;
using Alpy.Lab.Docker;
using Alpy.Lab.Helpers;
using Alpy.Lab.Tests.Support;
using Docker.DotNet;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Lab.Tests.Docker;

/// <summary>
/// Each way Docker can fail the lab gives a message that names the socket, the image or the container and the next step:
/// a socket that does not exist, one nobody listens on, one the user may not open, a daemon that never answers or hangs up,
/// an image that does not exist, a container that exits early. Real sockets, the real daemon, a real other user.
/// </summary>
[Trait("Category", "integration")]
public sealed class DockerFailureTests(NodeFixture fixture) : IClassFixture<NodeFixture>, IDisposable
{
    private readonly FakeDaemonFolder _daemons = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _daemons.Dispose();

    [Fact]
    public async Task Given_a_socket_path_that_does_not_exist_When_the_lab_calls_Docker_Then_it_names_the_socket_and_how_to_start_dockerd()
    {
        var socket = _daemons.File("docker.sock");

        var error = await PingFailsAsync(socket);

        error.Message.Should().Be($"Docker daemon not reachable at unix://{socket}: the socket {socket} does not exist. "
                                  + "Is dockerd running? Run scripts/install-prerequisites (it starts dockerd), or point DOCKER_HOST at a running daemon.");
    }

    [Fact]
    public async Task Given_a_socket_file_nobody_listens_on_When_the_lab_calls_Docker_Then_it_says_the_connection_was_refused_and_what_to_run()
    {
        var socket = _daemons.Dead("docker.sock");

        var error = await PingFailsAsync(socket);

        error.Message.Should().Be($"Docker daemon not reachable at unix://{socket}: connection refused: nobody listens on {socket} "
                                  + "(dockerd stopped or crashed?). Is dockerd running? Run scripts/install-prerequisites (it starts dockerd), "
                                  + "or point DOCKER_HOST at a running daemon.");
    }

    [Fact]
    public async Task Given_a_socket_the_user_may_not_open_When_a_reap_runs_as_that_user_Then_it_says_permission_denied_and_how_to_get_access()
    {
        var socket = _daemons.Private("docker.sock");

        var reap = await LabHostProcess.ReapAsync(Environment(socket), asNobody: true);

        reap.ExitCode.Should().Be(1, reap.Stdout + reap.Stderr);
        reap.Stderr.Should().Contain($"Docker daemon not reachable at unix://{socket}: permission denied on the socket {socket}. "
                                     + "Add your user to the docker group (sudo usermod -aG docker $USER, then log in again), or run as root.");
    }

    [Fact]
    public async Task Given_DOCKER_HOST_When_the_lab_is_given_no_endpoint_Then_it_calls_the_daemon_DOCKER_HOST_names()
    {
        var socket = _daemons.File("elsewhere.sock");

        var reap = await LabHostProcess.ReapAsync(Environment(socket));

        reap.ExitCode.Should().Be(1, reap.Stdout + reap.Stderr);
        reap.Stderr.Should().Contain($"Docker daemon not reachable at unix://{socket}: the socket {socket} does not exist.");
    }

    [Fact]
    public async Task Given_a_daemon_that_never_answers_When_the_lab_calls_it_Then_the_call_ends_at_its_timeout_and_says_so()
    {
        var socket = _daemons.Silent("docker.sock");
        using var docker = LabDockerClient.Create(FakeDaemonFolder.Endpoint(socket));

        var ping = () => docker.CallAsync(token => docker.System.PingAsync(token), Token, TimeSpan.FromSeconds(1));

        (await ping.Should().ThrowAsync<DockerUnavailableException>()).Which.Message
            .Should().Be($"The Docker daemon at unix://{socket} did not answer within 1 s. Is it hung or overloaded? "
                         + "`docker info` shows whether it answers; its log may say why.");
    }

    [Fact]
    public async Task Given_a_daemon_that_hangs_up_mid_request_When_the_lab_calls_it_Then_it_says_the_daemon_closed_the_connection()
    {
        var socket = _daemons.HangingUp("docker.sock");

        var error = await PingFailsAsync(socket);

        error.Message.Should().Be($"The Docker daemon at unix://{socket} closed the connection without an answer. Did dockerd stop or restart? "
                                  + "`docker info` shows whether it answers; scripts/install-prerequisites starts it.");
    }

    [Fact]
    public void Given_an_ssh_endpoint_When_the_lab_makes_its_client_Then_it_names_the_endpoint_and_what_to_use()
    {
        var create = () => LabDockerClient.Create(new Uri("ssh://user@build-host"));

        create.Should().Throw<LabException>().WithMessage(
            "Cannot talk to the Docker daemon at ssh://user@build-host*SSH*Point DOCKER_HOST at unix:///var/run/docker.sock*");
    }

    [Fact]
    public async Task Given_an_app_image_that_does_not_exist_When_an_app_runs_Then_the_error_names_the_image_and_that_images_are_built_here()
    {
        var run = () => fixture.Apps.RunAsync(fixture.Node, ["true"], new AppOptions { Image = "alpy-no-such-image:none" }, Token);

        (await run.Should().ThrowAsync<LabException>()).Which.Message.Should().Be(
            "Could not run an app in node0: image 'alpy-no-such-image:none' does not exist. Images are never pulled here: build it first "
            + "(the lab's tools image has busybox, socat, iperf3 and iproute2; an image of your own can be built with the lab's image builder).");
        (await fixture.ContainersAsync(LabLabels.App)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_tools_image_that_does_not_exist_When_a_helper_runs_Then_the_error_names_the_step_and_the_image()
    {
        var helpers = new HelperRunner(fixture.Docker, fixture.Removals, fixture.Names, "alpy-no-such-image:none", TimeSpan.FromSeconds(30), NullLogger.Instance);

        var run = () => helpers.RunAsync(new HelperJob { Purpose = "list links", Argv = ["/sbin/ip", "link"], Fix = "-" }, Token);

        (await run.Should().ThrowAsync<LabException>()).Which.Message.Should().StartWith(
            "Could not list links: the tools image alpy-no-such-image:none does not exist. Images are never pulled");
    }

    [Fact]
    public async Task Given_a_server_that_exits_before_it_listens_When_waited_for_Then_the_error_names_the_app_and_carries_its_exit_code_and_output()
    {
        await using var server = await fixture.Apps.StartAsync(fixture.Node, ["sh", "-c", "echo bye; echo no port >&2; exit 4"],
            new AppOptions { Role = "early" }, Token);

        var wait = () => server.WaitForPortAsync(8080, cancellationToken: Token);

        (await wait.Should().ThrowAsync<LabException>()).Which.Message.Should().Be(
            $"App {server.ContainerName} in node0 (sh -c echo bye; echo no port >&2; exit 4) exited with 4 before it would listen on TCP port 8080: "
            + "stdout «bye» stderr «no port».");
    }

    [Fact]
    public async Task Given_a_command_that_is_not_in_the_image_When_an_app_runs_Then_the_error_names_the_app_and_quotes_the_daemon()
    {
        var run = () => fixture.Apps.RunAsync(fixture.Node, ["/no/such/program"], new AppOptions { Role = "missing" }, Token);

        (await run.Should().ThrowAsync<LabException>()).Which.Message.Should().MatchRegex(
            "^App alpy-[a-z0-9]{6}-missing-[0-9]+ in node0 \\(/no/such/program\\) could not run: .*/no/such/program.*no such file or directory");
        (await fixture.ContainersAsync(LabLabels.App)).Should().BeEmpty();
    }

    private static async Task<DockerUnavailableException> PingFailsAsync(string socket)
    {
        using var docker = LabDockerClient.Create(FakeDaemonFolder.Endpoint(socket));
        var ping = () => docker.CallAsync(token => docker.System.PingAsync(token), Token);
        var error = (await ping.Should().ThrowAsync<DockerUnavailableException>()).Which;
        error.Endpoint.Should().Be(FakeDaemonFolder.Endpoint(socket));
        return error;
    }

    private Dictionary<string, string> Environment(string socket)
    {
        var environment = _daemons.NobodysEnvironment();
        environment["DOCKER_HOST"] = "unix://" + socket;
        return environment;
    }
}
