namespace Alpy.Docker;

/// <summary>No daemon answers at the endpoint: the socket is missing, refuses, or may not be opened.</summary>
public sealed class DockerUnreachableException : DockerException
{
    public DockerUnreachableException(DockerEndpoint endpoint, string reason, Exception? innerException = null)
        : base(Describe(endpoint, reason), null, null, innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The address that did not answer.</summary>
    public DockerEndpoint Endpoint { get; }

    private static string Describe(DockerEndpoint endpoint, string reason) =>
        $"Docker daemon not reachable at {endpoint}: {reason}. "
        + (endpoint.SocketPath is not null
            ? "Is dockerd running? Run scripts/install-prerequisites (it starts dockerd), or point DOCKER_HOST at a running daemon."
            : "Is dockerd listening there? Check DOCKER_HOST, or unset it to use /var/run/docker.sock.");
}
