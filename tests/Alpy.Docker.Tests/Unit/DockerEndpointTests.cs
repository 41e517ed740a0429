namespace Alpy.Docker.Tests.Unit;

public sealed class DockerEndpointTests
{
    [Fact]
    public void Given_a_unix_address_When_parsed_Then_the_socket_path_is_taken()
    {
        var endpoint = DockerEndpoint.Parse("unix:///run/user/1000/docker.sock");

        endpoint.SocketPath.Should().Be("/run/user/1000/docker.sock");
        endpoint.TcpAddress.Should().BeNull();
        endpoint.ToString().Should().Be("unix:///run/user/1000/docker.sock");
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2375", "http://127.0.0.1:2375/")]
    [InlineData("tcp://localhost", "http://localhost:2375/")]
    [InlineData("http://127.0.0.1:4243", "http://127.0.0.1:4243/")]
    public void Given_a_tcp_address_When_parsed_Then_it_is_spoken_to_over_plain_http(string address, string expected)
    {
        var endpoint = DockerEndpoint.Parse(address);

        endpoint.SocketPath.Should().BeNull();
        endpoint.TcpAddress.Should().Be(new Uri(expected));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("unix://docker.sock", "absolute socket path")]
    [InlineData("npipe:////./pipe/docker_engine", "not supported")]
    [InlineData("ssh://user@host", "not supported")]
    [InlineData("tcp://", "not a valid TCP address")]
    [InlineData("tcp://host:2375/path", "not a valid TCP address")]
    public void Given_an_unusable_address_When_parsed_Then_the_error_says_what_to_write(string address, string expected)
    {
        var parse = () => DockerEndpoint.Parse(address);

        parse.Should().Throw<ArgumentException>().WithMessage($"*{expected}*");
    }
}
