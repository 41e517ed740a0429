namespace Alpy.Docker;

/// <summary>Where the Docker daemon listens: a unix socket or a plain TCP address (no TLS).</summary>
public sealed record DockerEndpoint
{
    /// <summary>The daemon's default socket on Linux.</summary>
    public static DockerEndpoint Default { get; } = new("unix:///var/run/docker.sock", "/var/run/docker.sock", null);

    private DockerEndpoint(string address, string? socketPath, Uri? tcpAddress)
    {
        Address = address;
        SocketPath = socketPath;
        TcpAddress = tcpAddress;
    }

    /// <summary>The address as written in <c>DOCKER_HOST</c>, e.g. <c>unix:///var/run/docker.sock</c>.</summary>
    public string Address { get; }

    /// <summary>The unix socket's path, or null for a TCP endpoint.</summary>
    public string? SocketPath { get; }

    /// <summary>The HTTP address of a TCP endpoint, or null for a unix socket.</summary>
    public Uri? TcpAddress { get; }

    /// <summary>The base address requests are sent to (the host name is irrelevant on a unix socket).</summary>
    internal Uri BaseAddress => TcpAddress ?? new Uri("http://docker/");

    /// <summary>Parses a <c>DOCKER_HOST</c> value: <c>unix:///path</c>, <c>tcp://host:port</c> or <c>http://host:port</c>.</summary>
    /// <exception cref="ArgumentException">The address is empty, malformed, or of a kind this client does not speak.</exception>
    public static DockerEndpoint Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("The Docker endpoint is empty. Use unix:///var/run/docker.sock or tcp://host:2375.", nameof(address));
        }

        if (trimmed.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = trimmed["unix://".Length..];
            if (!path.StartsWith('/'))
            {
                throw new ArgumentException(
                    $"The Docker endpoint '{address}' has no absolute socket path. Write it as unix:///var/run/docker.sock.", nameof(address));
            }

            return new DockerEndpoint(trimmed, path, null);
        }

        if (trimmed.StartsWith("tcp://", StringComparison.Ordinal) || trimmed.StartsWith("http://", StringComparison.Ordinal))
        {
            var http = "http://" + trimmed[(trimmed.IndexOf("://", StringComparison.Ordinal) + 3)..];
            if (!Uri.TryCreate(http, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.AbsolutePath != "/")
            {
                throw new ArgumentException(
                    $"The Docker endpoint '{address}' is not a valid TCP address. Write it as tcp://host:2375.", nameof(address));
            }

            return new DockerEndpoint(trimmed, null, new UriBuilder(uri) { Port = uri.IsDefaultPort ? 2375 : uri.Port }.Uri);
        }

        throw new ArgumentException(
            $"The Docker endpoint '{address}' is not supported: Alpy.Docker speaks unix:///path and tcp://host:port (without TLS). "
            + "Unset DOCKER_HOST to use /var/run/docker.sock.",
            nameof(address));
    }

    /// <inheritdoc />
    public override string ToString() => Address;
}
