using System.Net;
using System.Text.Json;
using Alpy.Docker.Tests.Fakes;

namespace Alpy.Docker.Tests.Unit;

public sealed class ContainerOperationsTests
{
    private const string Created = """{"Id":"c0ffee","Warnings":[]}""";

    private readonly FakeDockerHandler handler = new();

    private DockerClient Client() => FakeDocker.Client(handler);

    [Fact]
    public async Task Given_a_full_spec_When_creating_Then_the_body_speaks_the_engine_api()
    {
        handler.On(HttpMethod.Post, "/containers/create", HttpStatusCode.Created, Created);
        using var client = Client();
        var spec = new ContainerSpec
        {
            Image = "alpy-tools:abc",
            Cmd = ["ping", "-c", "1", "192.0.2.1; rm -rf /"],
            Environment = new Dictionary<string, string> { ["A"] = "1", ["B"] = "x=y" },
            Labels = new Dictionary<string, string> { ["alpy.run"] = "r1" },
            User = "nobody",
            HostConfig = new HostConfig
            {
                NetworkMode = NamespaceMode.Container("node0"),
                PidMode = NamespaceMode.Container("node0"),
                CapAdd = ["NET_ADMIN"],
                CapDrop = ["ALL"],
                Devices = [DeviceMapping.Same("/dev/net/tun")],
                Init = true,
                Memory = 64 * 1024 * 1024,
                SecurityOpt = ["no-new-privileges"],
                Sysctls = new Dictionary<string, string> { ["net.ipv6.conf.all.disable_ipv6"] = "1" },
            },
        };

        var created = await client.Containers.CreateAsync(spec, "alpy-r1-app", TestContext.Current.CancellationToken);

        created.Id.Should().Be("c0ffee");
        var request = handler.Versioned.Single();
        request.VersionedPath.Should().Be("/v1.41/containers/create");
        request.Query.Should().Be("?name=alpy-r1-app");
        request.ContentType.Should().Be("application/json");
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.GetProperty("Image").GetString().Should().Be("alpy-tools:abc");
        body.GetProperty("Cmd").EnumerateArray().Select(e => e.GetString()).Should().Equal("ping", "-c", "1", "192.0.2.1; rm -rf /");
        body.GetProperty("Env").EnumerateArray().Select(e => e.GetString()).Should().Equal("A=1", "B=x=y");
        body.GetProperty("Labels").GetProperty("alpy.run").GetString().Should().Be("r1");
        body.GetProperty("User").GetString().Should().Be("nobody");
        body.TryGetProperty("Entrypoint", out _).Should().BeFalse("null fields are left to the image");
        var host = body.GetProperty("HostConfig");
        host.GetProperty("NetworkMode").GetString().Should().Be("container:node0");
        host.GetProperty("PidMode").GetString().Should().Be("container:node0");
        host.GetProperty("CapAdd")[0].GetString().Should().Be("NET_ADMIN");
        host.GetProperty("CapDrop")[0].GetString().Should().Be("ALL");
        host.GetProperty("Devices")[0].GetRawText().Should().Be("""{"PathOnHost":"/dev/net/tun","PathInContainer":"/dev/net/tun","CgroupPermissions":"rwm"}""");
        host.GetProperty("Init").GetBoolean().Should().BeTrue();
        host.GetProperty("AutoRemove").GetBoolean().Should().BeFalse();
        host.GetProperty("Memory").GetInt64().Should().Be(67108864);
        host.GetProperty("SecurityOpt")[0].GetString().Should().Be("no-new-privileges");
        host.GetProperty("Sysctls").GetProperty("net.ipv6.conf.all.disable_ipv6").GetString().Should().Be("1");
        host.TryGetProperty("Privileged", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("bad\0arg", "Cmd[1]*NUL*")]
    public async Task Given_an_argv_with_NUL_When_creating_Then_it_is_refused_before_any_request(string argument, string message)
    {
        using var client = Client();

        var create = () => client.Containers.CreateAsync(new ContainerSpec { Image = "i", Cmd = ["echo", argument] }, null, TestContext.Current.CancellationToken);

        await create.Should().ThrowAsync<ArgumentException>().WithMessage(message + "*");
        handler.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "*'' is not a valid variable name*")]
    [InlineData("A=B", "*'A=B' is not a valid variable name*")]
    public void Given_a_bad_environment_name_When_validated_Then_it_is_named(string name, string message)
    {
        var validate = () => new ContainerSpec { Image = "i", Environment = new Dictionary<string, string> { [name] = "v" } }.Validate();

        validate.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Given_no_image_When_validated_Then_it_is_refused()
    {
        var validate = () => new ContainerSpec { Image = " " }.Validate();

        validate.Should().Throw<ArgumentException>().WithMessage("The container spec has no image.*");
    }

    [Theory]
    [InlineData(WaitCondition.NotRunning, "not-running")]
    [InlineData(WaitCondition.NextExit, "next-exit")]
    [InlineData(WaitCondition.Removed, "removed")]
    public async Task Given_a_wait_condition_When_waiting_Then_it_is_sent_and_the_status_read(WaitCondition condition, string expected)
    {
        handler.On(HttpMethod.Post, "/containers/c1/wait", HttpStatusCode.OK, """{"Error":null,"StatusCode":3}""");
        using var client = Client();

        var exit = await client.Containers.WaitAsync("c1", TimeSpan.FromSeconds(5), condition, TestContext.Current.CancellationToken);

        exit.Should().Be(new ContainerExit(3, null));
        handler.Versioned.Single().Query.Should().Be("?condition=" + expected);
    }

    [Fact]
    public async Task Given_a_container_that_does_not_exit_When_waiting_with_a_timeout_Then_the_error_says_it_may_still_run()
    {
        handler.On(HttpMethod.Post, "/containers/c1/wait", _ => FakeDockerHandler.Answer(HttpStatusCode.OK, new NeverEndingStream()));
        using var client = Client();

        var wait = () => client.Containers.WaitAsync("c1", TimeSpan.FromMilliseconds(100), cancellationToken: TestContext.Current.CancellationToken);

        await wait.Should().ThrowAsync<DockerTimeoutException>().WithMessage("Container c1 did not exit within 0.1 s; it may still be running*");
    }

    [Fact]
    public async Task Given_lifecycle_calls_When_sent_Then_paths_and_queries_match_the_engine_api()
    {
        handler.On(HttpMethod.Post, "/containers/c1/start", HttpStatusCode.NoContent)
            .On(HttpMethod.Post, "/containers/c1/kill", HttpStatusCode.NoContent)
            .On(HttpMethod.Post, "/containers/c1/stop", HttpStatusCode.NoContent)
            .On(HttpMethod.Delete, "/containers/c1", HttpStatusCode.NoContent);
        using var client = Client();
        var token = TestContext.Current.CancellationToken;

        await client.Containers.StartAsync("c1", token);
        await client.Containers.KillAsync("c1", "SIGTERM", token);
        await client.Containers.StopAsync("c1", TimeSpan.FromSeconds(1.5), token);
        await client.Containers.RemoveAsync("c1", force: true, token);

        handler.Versioned.Select(r => $"{r.Method} {r.Path}{r.Query}").Should().Equal(
            "POST /containers/c1/start",
            "POST /containers/c1/kill?signal=SIGTERM",
            "POST /containers/c1/stop?t=2",
            "DELETE /containers/c1?force=1&v=1");
    }

    [Fact]
    public async Task Given_a_name_with_reserved_characters_When_used_in_a_path_Then_it_is_escaped()
    {
        handler.On(HttpMethod.Post, "/containers/", HttpStatusCode.NoContent);
        using var client = Client();

        await client.Containers.StartAsync("a/../b?c", TestContext.Current.CancellationToken);

        handler.Versioned.Single().VersionedPath.Should().Be("/v1.41/containers/a%2F..%2Fb%3Fc/start");
    }

    [Fact]
    public async Task Given_label_filters_When_listing_Then_all_containers_are_asked_for_with_a_json_filter()
    {
        handler.On(HttpMethod.Get, "/containers/json", HttpStatusCode.OK, """
            [{"Id":"a1","Names":["/alpy-r1-node0"],"Image":"alpy-tools:abc","ImageID":"sha256:1","Command":"sleep inf",
              "Created":1700000000,"State":"running","Status":"Up 2 seconds","Labels":{"alpy.run":"r1"}}]
            """);
        using var client = Client();

        var listed = await client.Containers.ListAsync(ContainerListOptions.WithLabel("alpy.run", "r1"), TestContext.Current.CancellationToken);

        handler.Versioned.Single().Query.Should().Be("""?all=1&filters={"label":["alpy.run=r1"]}""");
        listed.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Id = "a1",
            Names = new[] { "/alpy-r1-node0" },
            ImageId = "sha256:1",
            State = "running",
            Labels = new Dictionary<string, string> { ["alpy.run"] = "r1" },
        });
    }

    [Fact]
    public async Task Given_an_inspect_answer_When_read_Then_state_and_namespaces_are_typed()
    {
        handler.On(HttpMethod.Get, "/containers/c1/json", HttpStatusCode.OK, """
            {"Id":"c1","Name":"/alpy-node0","Created":"2026-11-21T20:58:07.123456789Z","Image":"sha256:9",
             "State":{"Status":"exited","Running":false,"Paused":false,"Restarting":false,"OOMKilled":true,"Dead":false,"Pid":0,
                      "ExitCode":137,"Error":"","StartedAt":"2026-11-21T20:58:07.5Z","FinishedAt":"0001-01-01T00:00:00Z"},
             "Config":{"Image":"alpy-tools:abc","Cmd":["sleep","inf"],"Env":["PATH=/bin"],"Labels":{"alpy.run":"r1"},"Tty":false},
             "HostConfig":{"NetworkMode":"none","CapAdd":null,"AutoRemove":false,"Devices":[]},
             "NetworkSettings":{"SandboxKey":"/var/run/docker/netns/abc","Networks":{"none":{"IPAddress":"","IPPrefixLen":0}}}}
            """);
        using var client = Client();

        var inspected = await client.Containers.InspectAsync("c1", TestContext.Current.CancellationToken);

        inspected.Name.Should().Be("/alpy-node0");
        inspected.State.OomKilled.Should().BeTrue();
        inspected.State.ExitCode.Should().Be(137);
        inspected.State.Running.Should().BeFalse();
        inspected.Config.Cmd.Should().Equal("sleep", "inf");
        inspected.HostConfig!.NetworkMode.Should().Be("none");
        inspected.NetworkSettings!.SandboxKey.Should().Be("/var/run/docker/netns/abc");
        inspected.NetworkSettings.Networks.Should().ContainKey("none");
    }


    [Fact]
    public async Task Given_a_container_already_in_the_wanted_state_When_started_or_stopped_Then_the_304_is_not_an_error()
    {
        handler.On(HttpMethod.Post, "/containers/c1/start", HttpStatusCode.NotModified).On(HttpMethod.Post, "/containers/c1/stop", HttpStatusCode.NotModified);
        using var client = Client();

        var start = () => client.Containers.StartAsync("c1", TestContext.Current.CancellationToken);
        var stop = () => client.Containers.StopAsync("c1", TimeSpan.Zero, TestContext.Current.CancellationToken);

        await start.Should().NotThrowAsync();
        await stop.Should().NotThrowAsync();
    }

    [Fact]
    public async Task Given_a_tcp_endpoint_When_a_request_is_sent_Then_it_goes_to_that_host_and_port()
    {
        handler.On(HttpMethod.Post, "/containers/c1/start", HttpStatusCode.NoContent);
        using var client = FakeDocker.Client(handler, new DockerClientOptions { Endpoint = DockerEndpoint.Parse("tcp://127.0.0.1:2375") });

        await client.Containers.StartAsync("c1", TestContext.Current.CancellationToken);

        handler.Requests.Select(r => r.Uri.GetLeftPart(UriPartial.Path)).Should().Equal(
            "http://127.0.0.1:2375/_ping", "http://127.0.0.1:2375/v1.41/containers/c1/start");
    }
}
