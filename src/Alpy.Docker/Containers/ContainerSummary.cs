using System.Text.Json.Serialization;

namespace Alpy.Docker;

/// <summary>A container as <c>GET /containers/json</c> lists it.</summary>
public sealed record ContainerSummary
{
    public required string Id { get; init; }

    /// <summary>Names with the daemon's leading slash.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    public string Image { get; init; } = "";

    [JsonPropertyName("ImageID")]
    public string ImageId { get; init; } = "";

    public string Command { get; init; } = "";

    /// <summary>Creation time in seconds since the Unix epoch.</summary>
    public long Created { get; init; }

    /// <summary>e.g. <c>running</c> or <c>exited</c>.</summary>
    public string State { get; init; } = "";

    /// <summary>Human-readable, e.g. <c>Exited (0) 3 seconds ago</c>.</summary>
    public string Status { get; init; } = "";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
