using Alpy.Runner.Features;

namespace Alpy.Runner;

/// <summary>The running feature: its description, and values shared between its scenarios.</summary>
public sealed class FeatureContext : RunnerContext
{
    internal FeatureContext(FeatureFile feature) => FeatureInfo = new FeatureInfo(feature);

    public FeatureInfo FeatureInfo { get; }
}

/// <summary>A feature's title, description, tags, language and file.</summary>
public sealed class FeatureInfo
{
    internal FeatureInfo(FeatureFile feature)
    {
        Title = feature.Name;
        Description = feature.Description;
        Tags = feature.Tags.Select(t => t.TrimStart('@')).ToArray();
        Language = feature.Language;
        FilePath = feature.Uri;
    }

    public string Title { get; }

    public string Description { get; }

    /// <summary>The feature's tags, without @ (as in Reqnroll).</summary>
    public IReadOnlyList<string> Tags { get; }

    public string Language { get; }

    /// <summary>The feature file's path relative to the feature root (e.g. <c>features/reroute.feature</c>).</summary>
    public string FilePath { get; }
}
