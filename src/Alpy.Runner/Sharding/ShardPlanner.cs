namespace Alpy.Runner.Sharding;

/// <summary>
/// Splits features over shards: whole features, balanced by scenario count, deterministic (the
/// same input always gives the same split, on every machine). Largest features go first, each
/// to the shard with the fewest scenarios so far (ties: lowest shard, then feature path).
/// </summary>
public static class ShardPlanner
{
    /// <summary>The shard (1-based) of each feature, by feature path.</summary>
    public static IReadOnlyDictionary<string, int> Assign(IEnumerable<(string Uri, int ScenarioCount)> features, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var load = new long[shardCount];
        var assignment = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (uri, count) in features.OrderByDescending(f => f.ScenarioCount).ThenBy(f => f.Uri, StringComparer.Ordinal))
        {
            var best = 0;
            for (var shard = 1; shard < shardCount; shard++)
            {
                if (load[shard] < load[best])
                {
                    best = shard;
                }
            }

            load[best] += count;
            assignment[uri] = best + 1;
        }

        return assignment;
    }

    /// <summary>The features of one shard; a clear error when the shard would be empty.</summary>
    public static IReadOnlySet<string> Select(IReadOnlyList<(string Uri, int ScenarioCount)> features, ShardSpec shard)
    {
        var selected = Assign(features, shard.Count).Where(a => a.Value == shard.Index).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        if (selected.Count == 0)
        {
            throw new FormatException($"{ShardSpec.EnvironmentVariable}={shard} selects no feature: there are only {features.Count} feature file(s) to split, " +
                                      $"so use at most {Math.Max(1, features.Count)} shards. An empty shard would look like a green run that tested nothing.");
        }

        return selected;
    }
}
