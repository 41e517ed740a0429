using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;

namespace Alpy.Reports.Merge;

/// <summary>
/// Which features run in shard i of N: whole features (a feature's scenarios share its Background and its lab),
/// balanced by scenario count, deterministic (the same feature files give the same split on every machine),
/// every feature in exactly one shard. Largest features go first, each to the shard with the fewest scenarios so
/// far (ties: the lowest shard; equal features: by path). `alpy run --shard i/N` selects these features, and the
/// merge of the shards' streams must find every scenario exactly once.
/// </summary>
public static class ShardPlanner
{
    /// <summary>Reads feature files and counts their scenarios with Cucumber's Gherkin parser.</summary>
    /// <param name="featureFiles">The .feature files.</param>
    /// <param name="baseDirectory">The folder their uris are relative to (the suite's project folder, as Reqnroll names them).</param>
    /// <exception cref="ReportException">A file cannot be read or parsed; the message says file:line.</exception>
    public static IReadOnlyList<PlannedFeature> Read(IEnumerable<string> featureFiles, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(featureFiles);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        return featureFiles.Select(file =>
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReportException($"Cannot read {file} to plan the shards: {e.Message}", e);
            }

            return Parse(Path.GetRelativePath(baseDirectory, file).Replace(Path.DirectorySeparatorChar, '/'), text);
        }).ToList();
    }

    /// <summary>One feature's title and scenario count, from its text.</summary>
    /// <exception cref="ReportException">The text is not Gherkin; the message says uri:line.</exception>
    public static PlannedFeature Parse(string uri, string text)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var ids = new IncrementingIdGenerator();
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(new Parser().Parse(new StringReader(text)), uri);
            return new PlannedFeature(uri, document.Feature?.Name ?? "", new PickleCompiler(ids).Compile(document).Count);
        }
        catch (CompositeParserException e)
        {
            var first = e.Errors.First();
            throw new ReportException($"{uri}:{first.Location?.Line}: {first.Message} Fix the feature file: the shards cannot be planned without it.", e);
        }
        catch (ParserException e)
        {
            throw new ReportException($"{uri}:{e.Location?.Line}: {e.Message} Fix the feature file: the shards cannot be planned without it.", e);
        }
    }

    /// <summary>The shard (1-based) of each feature, by uri.</summary>
    public static IReadOnlyDictionary<string, int> Assign(IEnumerable<PlannedFeature> features, int shardCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var load = new long[shardCount];
        var assignment = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in features.OrderByDescending(f => f.Scenarios).ThenBy(f => f.Uri, StringComparer.Ordinal))
        {
            var least = 0;
            for (var shard = 1; shard < shardCount; shard++)
            {
                if (load[shard] < load[least])
                {
                    least = shard;
                }
            }

            load[least] += feature.Scenarios;
            assignment[feature.Uri] = least + 1;
        }

        return assignment;
    }

    /// <summary>The features of one shard, in path order.</summary>
    /// <exception cref="ReportException">The shard would be empty (more shards than features): it would look like a green run that tested nothing.</exception>
    public static IReadOnlyList<PlannedFeature> Select(IReadOnlyList<PlannedFeature> features, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(features);
        var assignment = Assign(features, shard.Count);
        var selected = features.Where(f => assignment[f.Uri] == shard.Index).OrderBy(f => f.Uri, StringComparer.Ordinal).ToList();
        return selected.Count > 0 ? selected : throw new ReportException(
            $"Shard {shard} selects no feature: there are only {features.Count} feature file(s) to split, so use at most {Math.Max(1, features.Count)} shards. " +
            "An empty shard would look like a green run that tested nothing.");
    }
}
