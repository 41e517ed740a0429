using Gherkin;
using Gherkin.Ast;

namespace Alpy.Cli.Running;

/// <summary>The suite's feature files (parsed with the Gherkin parser Reqnroll uses): path, title and scenario count.</summary>
internal static class SuiteFeatures
{
    /// <summary>Every <c>*.feature</c> under <paramref name="folder"/>, in path order.</summary>
    /// <exception cref="ArgumentException">The folder is missing or holds no feature, or a feature does not parse (bad input: exit 2).</exception>
    public static IReadOnlyList<SuiteFeature> Read(string folder)
    {
        if (!Directory.Exists(folder))
            throw new ArgumentException($"There is no features folder at {Path.GetFullPath(folder)}; pass the suite's features with --features.");
        var parser = new Parser();
        var features = new List<SuiteFeature>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            GherkinDocument document;
            try
            {
                document = parser.Parse(path);
            }
            catch (CompositeParserException e)
            {
                throw new ArgumentException($"{path} does not parse: {e.Message}", e);
            }

            if (document.Feature is { } feature)
                features.Add(new SuiteFeature(Path.GetRelativePath(folder, path).Replace('\\', '/'), feature.Name, Scenarios(feature.Children)));
        }

        return features.Count > 0 ? features : throw new ArgumentException($"{Path.GetFullPath(folder)} holds no feature file; pass the suite's features with --features.");
    }

    /// <summary>One test per scenario and per Examples row, as Reqnroll generates them.</summary>
    private static int Scenarios(IEnumerable<IHasLocation> children) => children.Sum(child => child switch
    {
        Scenario { Examples: var examples } when examples.Any() => examples.Sum(e => e.TableBody.Count()),
        Scenario => 1,
        Rule rule => Scenarios(rule.Children),
        _ => 0,
    });
}

/// <summary>A feature file: its path under the features folder, its title and how many tests it makes.</summary>
internal sealed record SuiteFeature(string Path, string Title, int Scenarios);
