namespace Alpy.Docker;

/// <summary>A container as <c>GET /containers/{id}/json</c> describes it (the parts the lab reads).</summary>
public sealed record ContainerInspection
{
    public required string Id { get; init; }

    /// <summary>The name with the daemon's leading slash, e.g. <c>/alpy-node0</c>.</summary>
    public string Name { get; init; } = "";

    public DateTimeOffset Created { get; init; }

    /// <summary>The id of the image the container was created from.</summary>
    public string Image { get; init; } = "";

    public ContainerState State { get; init; } = new();

    public ContainerConfig Config { get; init; } = new();

    public HostConfig? HostConfig { get; init; }

    public ContainerNetworkSettings? NetworkSettings { get; init; }
}
