using Alpy.Reports.Merge;

namespace Alpy.Cli.Running;

/// <summary>
/// dotnet test filters (VSTest filter syntax). A shard is the test classes of its features, selected by the trait
/// Reqnroll gives every test of a feature: <c>FeatureTitle=&lt;the feature's title&gt;</c>.
/// </summary>
internal static class TestFilter
{
    /// <summary>The tests of <paramref name="features"/>, within <paramref name="filter"/> if one is given.</summary>
    /// <exception cref="FormatException">Two features of the suite share a title, so a title cannot select one of them.</exception>
    public static string ForFeatures(IReadOnlyList<PlannedFeature> all, IReadOnlyList<PlannedFeature> features, string? filter)
    {
        var shared = all.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
        {
            throw new FormatException($"The features {string.Join(" and ", shared.Select(f => f.Uri))} share the title \"{shared.Key}\"; " +
                                      "a shard selects features by title (Reqnroll's FeatureTitle trait), so give each feature a title of its own.");
        }

        var titles = string.Join('|', features.Select(f => "FeatureTitle=" + Escape(f.Name)));
        return filter is null ? titles : $"({filter})&({titles})";
    }

    /// <summary>A value as the filter syntax reads it: its operator characters escaped with a backslash.</summary>
    public static string Escape(string value) =>
        string.Concat(value.Select(c => c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~' ? $"\\{c}" : c.ToString()));
}
