using Alpy.Reports.Merge;

namespace Alpy.Cli.Running;

/// <summary>
/// Splits the features over shards: whole features, balanced by scenario count, deterministic (the same features give
/// the same split on every machine). Largest features go first, each to the shard with the fewest scenarios so far
/// (ties: the lower shard; equal features by path).
/// </summary>
internal static class ShardPlan
{
    /// <summary>The shard (1-based) of each feature.</summary>
    public static IReadOnlyDictionary<SuiteFeature, int> Assign(IEnumerable<SuiteFeature> features, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var load = new long[shardCount];
        var assignment = new Dictionary<SuiteFeature, int>();
        foreach (var feature in features.OrderByDescending(f => f.Scenarios).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            var best = 0;
            for (var shard = 1; shard < shardCount; shard++)
            {
                if (load[shard] < load[best])
                    best = shard;
            }

            load[best] += feature.Scenarios;
            assignment[feature] = best + 1;
        }

        return assignment;
    }

    /// <summary>The features of one shard, in path order.</summary>
    /// <exception cref="FormatException">The shard would be empty (more shards than features).</exception>
    public static IReadOnlyList<SuiteFeature> Select(IReadOnlyList<SuiteFeature> features, ShardSpec shard)
    {
        var selected = Assign(features, shard.Count).Where(a => a.Value == shard.Index).Select(a => a.Key).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return selected.Count > 0
            ? selected
            : throw new FormatException($"Shard {shard} selects no feature: there are only {features.Count} feature file(s) to split, so use at most " +
                                        $"{Math.Max(1, features.Count)} shards. An empty shard would look like a green run that tested nothing.");
    }
}
