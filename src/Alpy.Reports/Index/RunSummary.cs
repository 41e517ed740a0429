using System.Text.Json;
using System.Text.Json.Serialization;
using Alpy.Reports.Model;

namespace Alpy.Reports.Index;

/// <summary>
/// A run at a glance, saved as <c>summary.json</c> in its run folder: what the index of all runs lists,
/// and what CI tooling can read without parsing the message stream.
/// </summary>
public sealed record RunSummary
{
    public const string FileName = "summary.json";

    public required string RunId { get; init; }

    public required string Title { get; init; }

    /// <summary>"passed", "failed" or "incomplete".</summary>
    public required string Status { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public double? DurationSeconds { get; init; }

    public required int Passed { get; init; }

    public required int Failed { get; init; }

    public required int Skipped { get; init; }

    /// <summary>Scenario counts by status, e.g. "2 failed, 1 undefined, 37 passed".</summary>
    public required string Scenarios { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public IReadOnlyList<FailureSummary> Failures { get; init; } = [];

    public string? Implementation { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }

    public OutcomeTotals Totals => new(Passed, Failed, Skipped);

    public static RunSummary From(RunResult run, string runId, string title, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(run);
        var totals = run.Totals;
        return new RunSummary
        {
            RunId = runId,
            Title = title,
            Status = run.Status.ToString().ToLowerInvariant(),
            StartedAt = run.StartedAt,
            DurationSeconds = run.Duration?.TotalSeconds,
            Passed = totals.Passed,
            Failed = totals.Failed,
            Skipped = totals.Skipped,
            Scenarios = run.ScenarioCounts.Describe(),
            Problems = run.Problems,
            Failures = run.FailedScenarios
                .Select(s => new FailureSummary(s.DisplayName, s.Location.ToString(), FailureText.Headline(s)))
                .ToList(),
            Implementation = run.Implementation,
            GeneratedAt = generatedAt,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, RunSummaryJsonContext.Default.RunSummary);

    /// <summary>Reads a summary.json; null when it is missing or unreadable (an index lists what it can).</summary>
    public static async Task<RunSummary?> TryReadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, RunSummaryJsonContext.Default.RunSummary, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>A failed scenario in one line: its name, where it is, and why it failed.</summary>
public sealed record FailureSummary(string Scenario, string Location, string Reason);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    IgnoreReadOnlyProperties = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunSummary))]
internal sealed partial class RunSummaryJsonContext : JsonSerializerContext;
