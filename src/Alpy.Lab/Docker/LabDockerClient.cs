using Docker.DotNet;
using Microsoft.Extensions.Logging;

namespace Alpy.Lab.Docker;

/// <summary>
/// Makes the lab's Docker.DotNet client. Without an endpoint it connects where the docker CLI would (Docker.DotNet's own
/// resolution: DOCKER_HOST, else the current Docker context, else unix:///var/run/docker.sock). One client holds one
/// connection pool and is thread-safe: make one and share it.
/// </summary>
public static class LabDockerClient
{
    /// <summary>
    /// How long one request may take (create, start, inspect, list, remove, ping...). Waits, attaches and followed logs have
    /// no such limit in Docker.DotNet; the lab gives each its own (an app's timeout, a node's readiness, ...).
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Makes a client for <paramref name="endpoint"/> (null: as the docker CLI would choose).</summary>
    /// <exception cref="LabException">The endpoint is of a kind Docker.DotNet does not speak (ssh://), malformed, or names a missing context.</exception>
    public static DockerClient Create(Uri? endpoint = null, ILogger? logger = null)
    {
        var builder = new DockerClientBuilder().WithTimeout(RequestTimeout);
        if (endpoint is not null)
            builder = builder.WithEndpoint(endpoint);
        if (logger is not null)
            builder = builder.WithLogger(logger);
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is SshDockerEndpointNotSupportedException or NotSupportedException or DockerConfigurationException
                                      or UriFormatException or InvalidOperationException)
        {
            var where = endpoint?.ToString() ?? $"DOCKER_HOST={Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "(unset)"}";
            throw new LabException(
                $"Cannot talk to the Docker daemon at {where}: {e.Message} Point DOCKER_HOST at unix:///var/run/docker.sock (or tcp://HOST:2375), "
                + "or unset it and DOCKER_CONTEXT to use the local daemon.", e);
        }
    }
}
