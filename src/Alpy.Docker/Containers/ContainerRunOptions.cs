namespace Alpy.Docker;

/// <summary>How <see cref="ContainerOperations.RunAsync"/> runs a container to completion.</summary>
public sealed record ContainerRunOptions
{
    /// <summary>A unique container name, or null for a generated one.</summary>
    public string? Name { get; init; }

    /// <summary>How long the container may run; then it is killed and removed and the run fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many bytes are kept of each of stdout and stderr.</summary>
    public int MaxBytesPerStream { get; init; } = 16 * 1024 * 1024;
}
