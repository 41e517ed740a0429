namespace Alpy.Reports.Merge;

/// <summary>What one shard's stream contributed to a merge.</summary>
/// <param name="Number">1-based position among the inputs.</param>
/// <param name="Path">The shard's stream.</param>
/// <param name="ScenariosRun">Scenarios the shard started.</param>
/// <param name="Complete">The stream ends with testRunFinished.</param>
/// <param name="Success">The shard's runner reported success.</param>
public sealed record ShardInfo(int Number, string Path, int ScenariosRun, bool Complete, bool Success);
