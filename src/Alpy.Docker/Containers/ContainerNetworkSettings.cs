namespace Alpy.Docker;

/// <summary>A container's network namespace and its endpoints.</summary>
public sealed record ContainerNetworkSettings
{
    /// <summary>The path of the network namespace, e.g. <c>/var/run/docker/netns/abc</c>.</summary>
    public string? SandboxKey { get; init; }

    /// <summary>Endpoints by network name (empty for network mode <c>none</c> or <c>container:</c>).</summary>
    public IReadOnlyDictionary<string, ContainerEndpoint>? Networks { get; init; }
}

/// <summary>One network endpoint of a container.</summary>
public sealed record ContainerEndpoint
{
    public string? IPAddress { get; init; }

    public int IPPrefixLen { get; init; }

    public string? Gateway { get; init; }

    public string? MacAddress { get; init; }
}
