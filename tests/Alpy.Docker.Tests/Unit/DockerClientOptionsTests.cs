namespace Alpy.Docker.Tests.Unit;

public sealed class DockerClientOptionsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Given_no_variables_When_read_from_the_environment_Then_the_default_socket_and_negotiation_are_used()
    {
        var options = DockerClientOptions.FromEnvironment(Environment());

        options.Endpoint.Should().Be(DockerEndpoint.Default);
        options.ApiVersion.Should().BeNull();
    }

    [Fact]
    public void Given_DOCKER_HOST_and_DOCKER_API_VERSION_When_read_Then_both_are_honoured()
    {
        var options = DockerClientOptions.FromEnvironment(Environment(("DOCKER_HOST", "tcp://127.0.0.1:2375"), ("DOCKER_API_VERSION", "1.40")));

        options.Endpoint.TcpAddress.Should().Be(new Uri("http://127.0.0.1:2375/"));
        options.ApiVersion.Should().Be(new DockerApiVersion(1, 40));
    }

    [Fact]
    public void Given_a_bad_DOCKER_HOST_When_read_Then_the_error_names_the_variable()
    {
        var read = () => DockerClientOptions.FromEnvironment(Environment(("DOCKER_HOST", "ssh://host")));

        read.Should().Throw<ArgumentException>().WithMessage("DOCKER_HOST: *ssh://host*not supported*");
    }

    [Fact]
    public void Given_TLS_variables_When_read_Then_the_error_says_TLS_is_not_spoken()
    {
        var read = () => DockerClientOptions.FromEnvironment(Environment(("DOCKER_TLS_VERIFY", "1")));

        read.Should().Throw<ArgumentException>().WithMessage("*does not speak TLS*");
    }

    [Fact]
    public void Given_a_bad_DOCKER_API_VERSION_When_read_Then_the_error_names_it()
    {
        var read = () => DockerClientOptions.FromEnvironment(Environment(("DOCKER_API_VERSION", "latest")));

        read.Should().Throw<ArgumentException>().WithMessage("DOCKER_API_VERSION='latest'*");
    }

    [Fact]
    public void Given_a_zero_timeout_When_validated_Then_it_is_refused()
    {
        var validate = () => new DockerClientOptions { RequestTimeout = TimeSpan.Zero }.Validate();

        validate.Should().Throw<ArgumentException>().WithMessage("RequestTimeout must be positive*");
    }

    [Fact]
    public void Given_a_pinned_version_older_than_supported_When_validated_Then_it_is_refused()
    {
        var validate = () => new DockerClientOptions { ApiVersion = new DockerApiVersion(1, 24) }.Validate();

        validate.Should().Throw<ArgumentException>().WithMessage("*1.24 is older than 1.40*");
    }
}
