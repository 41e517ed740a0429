namespace Alpy.Reports.Model;

/// <summary>A feature file with its scenarios, in stream order.</summary>
public sealed record FeatureResult
{
    public required string Uri { get; init; }

    public string Keyword { get; init; } = "Feature";

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<ScenarioResult> Scenarios { get; init; } = [];

    public StatusCounts Counts => StatusCounts.Count(Scenarios.Select(s => s.Status));

    public TimeSpan Duration => Scenarios.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
}
