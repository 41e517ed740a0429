using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alpy.Reports.Index;

/// <summary>
/// The lab's timings for the index page, read from <c>lab.json</c> in the run folder. Schema
/// (every property optional; unknown ones ignored):
/// <code>
/// {
///   "dut": "rabbit (linux 6.1.0-28-cloud-amd64)",
///   "phases": [
///     { "name": "DUT image", "seconds": 0.05, "note": "cached" },
///     { "name": "bring-up", "seconds": 2.61 },
///     { "name": "DUT reset", "seconds": 0.21, "count": 40 },
///     { "name": "teardown", "seconds": 0.74 }
///   ]
/// }
/// </code>
/// A phase with a count is repeated; its seconds are the median. When the file is absent the index
/// says that the lab recorded no timings.
/// </summary>
public sealed record LabTimings
{
    public const string FileName = "lab.json";

    public string? Dut { get; init; }

    public IReadOnlyList<LabPhase> Phases { get; init; } = [];

    /// <summary>Reads lab.json; null when there is none; a broken file is reported as a warning, never fatal.</summary>
    public static async Task<(LabTimings? Timings, string? Warning)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            await using var stream = File.OpenRead(path);
            if (stream.Length > 4 * 1024 * 1024)
            {
                return (null, $"{path} is larger than 4 MiB; lab timings are not shown.");
            }

            var timings = await JsonSerializer.DeserializeAsync(stream, LabTimingsJsonContext.Default.LabTimings, cancellationToken).ConfigureAwait(false);
            return timings is null ? (null, $"{path} holds null; lab timings are not shown.") : (timings, null);
        }
        catch (JsonException e)
        {
            return (null, $"{path} is not valid lab timings JSON ({e.Message}); lab timings are not shown.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path} cannot be read ({e.Message}); lab timings are not shown.");
        }
    }
}

/// <summary>One named duration of the lab's life.</summary>
public sealed record LabPhase
{
    public required string Name { get; init; }

    public double Seconds { get; init; }

    /// <summary>How many times it happened (then <see cref="Seconds"/> is the median).</summary>
    public int? Count { get; init; }

    public string? Note { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(LabTimings))]
internal sealed partial class LabTimingsJsonContext : JsonSerializerContext;
