using Alpy.Runner.Messages;

namespace Alpy.Runner.Features;

/// <summary>
/// One feature file as the runner sees it: its text, its syntax tree as a Cucumber Messages
/// <see cref="GherkinDocument"/>, and its scenarios compiled to pickles. A file that could not be
/// parsed keeps its <see cref="Error"/> and has no scenarios.
/// </summary>
public sealed class FeatureFile
{
    internal FeatureFile(string uri, string source, GherkinDocument? document, FeatureParseError? error)
    {
        Uri = uri;
        Source = source;
        Document = document;
        Error = error;
    }

    /// <summary>The path people see, relative to the feature root (e.g. <c>features/reroute.feature</c>).</summary>
    public string Uri { get; }

    public string Source { get; }

    public GherkinDocument? Document { get; }

    public FeatureParseError? Error { get; }

    /// <summary>The feature's title; the file name when it has no feature.</summary>
    public string Name => Document?.Feature?.Name is { Length: > 0 } name ? name : Path.GetFileNameWithoutExtension(Uri);

    public string Description => Document?.Feature?.Description ?? string.Empty;

    public string Language => Document?.Feature?.Language ?? "en";

    /// <summary>The feature's tags, with their @.</summary>
    public IReadOnlyList<string> Tags => Document?.Feature?.Tags.Select(t => t.Name).ToArray() ?? [];

    public IReadOnlyList<ScenarioCase> Scenarios { get; internal set; } = [];

    /// <summary>The scenario (or examples row) that starts at <paramref name="line"/>.</summary>
    public ScenarioCase? FindScenario(int line) => Scenarios.FirstOrDefault(s => s.Line == line);
}

/// <summary>Why a feature file could not be parsed, with the parser's own words and position.</summary>
public sealed record FeatureParseError(string Uri, int Line, int Column, string Message)
{
    public override string ToString() => $"{Uri}:{Line}:{Column}: {Message}";
}
