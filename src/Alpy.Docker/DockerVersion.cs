using System.Text.Json.Serialization;

namespace Alpy.Docker;

/// <summary>The daemon's version, as <c>GET /version</c> reports it.</summary>
public sealed record DockerVersion
{
    public string Version { get; init; } = "";

    public string ApiVersion { get; init; } = "";

    [JsonPropertyName("MinAPIVersion")]
    public string MinApiVersion { get; init; } = "";

    public string Os { get; init; } = "";

    public string Arch { get; init; } = "";

    public string KernelVersion { get; init; } = "";

    public string GitCommit { get; init; } = "";
}
