using System.Text.Json.Serialization;

namespace Alpy.Docker;

/// <summary>An exec instance's state.</summary>
public sealed record ExecInspection
{
    [JsonPropertyName("ID")]
    public required string Id { get; init; }

    public bool Running { get; init; }

    /// <summary>The exit code, null while it runs.</summary>
    public long? ExitCode { get; init; }

    /// <summary>The process's pid on the host (0 when it has not started).</summary>
    public int Pid { get; init; }

    [JsonPropertyName("ContainerID")]
    public string? ContainerId { get; init; }
}
