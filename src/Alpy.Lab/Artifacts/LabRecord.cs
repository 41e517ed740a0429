using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alpy.Lab.Artifacts;

/// <summary>The run's lab.json: what was brought up and how long each phase took (for the report's index page).</summary>
public sealed record LabRecord
{
    public required string RunId { get; init; }

    public required string Dut { get; init; }

    public required int Links { get; init; }

    public required int Vlans { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Bring-up phases in the order they finished, with their duration in milliseconds.</summary>
    public IReadOnlyList<PhaseTiming> BringUp { get; init; } = [];

    /// <summary>Each reset's duration in milliseconds.</summary>
    public IReadOnlyList<double> ResetsMs { get; init; } = [];

    /// <summary>Teardown steps in the order they ran.</summary>
    public IReadOnlyList<PhaseTiming> Teardown { get; init; } = [];

    /// <summary>Errors met during bring-up or teardown.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    internal Task SaveAsync(string path) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, LabRecordJson.Default.LabRecord));
}

/// <summary>A named phase and how long it took.</summary>
public sealed record PhaseTiming(string Name, double Ms);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LabRecord))]
internal sealed partial class LabRecordJson : JsonSerializerContext;
