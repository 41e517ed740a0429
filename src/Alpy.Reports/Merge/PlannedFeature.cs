namespace Alpy.Reports.Merge;

/// <summary>A feature file as the shard plan sees it.</summary>
/// <param name="Uri">Its path as Reqnroll names it in the message stream (relative, '/'-separated), e.g. "Features/nat.feature".</param>
/// <param name="Name">The feature's title (Reqnroll's FeatureTitle trait).</param>
/// <param name="Scenarios">How many scenarios it runs (pickles: an outline counts once per Examples row).</param>
public sealed record PlannedFeature(string Uri, string Name, int Scenarios);
