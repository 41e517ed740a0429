using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alpy.Reports.Index;

/// <summary>
/// A lab run's record, read from the <c>lab.json</c> that Alpy.Lab writes into its run folder
/// (<c>$ALPY_ARTIFACTS/&lt;lab run id&gt;/</c>, default reports/runs/): the DUT, the links, how long each
/// bring-up phase, reset and teardown step took, and errors met. Properties the lab adds later are
/// ignored; a missing or broken file never stops a report.
/// </summary>
public sealed record LabRun
{
    public const string FileName = "lab.json";

    public string? RunId { get; init; }

    public string? Dut { get; init; }

    public int? Links { get; init; }

    public int? Vlans { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Bring-up phases in the order they finished (some run in parallel).</summary>
    public IReadOnlyList<LabPhase> BringUp { get; init; } = [];

    /// <summary>Each DUT reset between scenarios, in milliseconds.</summary>
    public IReadOnlyList<double> ResetsMs { get; init; } = [];

    public IReadOnlyList<LabPhase> Teardown { get; init; } = [];

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The lab's run folder (where lab.json was found).</summary>
    [JsonIgnore]
    public string Folder { get; init; } = "";

    /// <summary>The median reset in milliseconds, or null when the DUT was never reset.</summary>
    public double? MedianResetMs => ResetsMs.Count == 0 ? null : ResetsMs.Order().ElementAt(ResetsMs.Count / 2);

    /// <summary>Reads one lab.json; null and a warning when it is broken, null alone when it is absent.</summary>
    public static async Task<(LabRun? Run, string? Warning)> ReadAsync(string path, CancellationToken cancellationToken = default)
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
                return (null, $"{path} is larger than 4 MiB; its lab timings are not shown.");
            }

            var run = await JsonSerializer.DeserializeAsync(stream, LabRunJsonContext.Default.LabRun, cancellationToken).ConfigureAwait(false);
            return run is null
                ? (null, $"{path} holds null; its lab timings are not shown.")
                : (run with { Folder = Path.GetDirectoryName(Path.GetFullPath(path))! }, null);
        }
        catch (JsonException e)
        {
            return (null, $"{path} is not a valid lab record ({e.Message}); its lab timings are not shown.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path} cannot be read ({e.Message}); its lab timings are not shown.");
        }
    }

    /// <summary>
    /// The lab runs of a test run: the lab.json in its own run folder, and every lab run folder under
    /// <paramref name="labRunsDirectory"/> whose lab started while the test run ran (sharded runs have one per shard).
    /// </summary>
    public static async Task<(IReadOnlyList<LabRun> Runs, IReadOnlyList<string> Warnings)> FindAsync(
        string runDirectory, string labRunsDirectory, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        var candidates = new List<string> { Path.Combine(runDirectory, FileName) };
        if (Directory.Exists(labRunsDirectory))
        {
            candidates.AddRange(Directory.EnumerateDirectories(labRunsDirectory).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, FileName)));
        }

        var runs = new List<LabRun>();
        var warnings = new List<string>();
        var own = Path.GetFullPath(Path.Combine(runDirectory, FileName));
        foreach (var path in candidates.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            var (run, warning) = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
            var isOwn = path == own;
            if (warning is not null && isOwn)
            {
                warnings.Add(warning);
            }

            if (run is not null && (isOwn || During(run.StartedAt, from, to)))
            {
                runs.Add(run);
            }
        }

        return (runs, warnings);
    }

    // Shards run on machines whose clocks differ a little; a lab starts in the run's BeforeTestRun hook.
    private static bool During(DateTimeOffset? started, DateTimeOffset? from, DateTimeOffset? to) =>
        started is { } s && from is { } f && s >= f - TimeSpan.FromMinutes(1) && s <= (to ?? DateTimeOffset.UtcNow) + TimeSpan.FromMinutes(1);
}

/// <summary>A named lab phase and how long it took.</summary>
public sealed record LabPhase(string Name, double Ms);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(LabRun))]
internal sealed partial class LabRunJsonContext : JsonSerializerContext;
