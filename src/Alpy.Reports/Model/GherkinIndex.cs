using Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Model;

/// <summary>
/// The parts of Gherkin documents that pickles point into by id: step keywords and lines, scenario
/// titles, Examples rows with their header, and each feature's title, description and tags.
/// </summary>
internal sealed class GherkinIndex
{
    private readonly Dictionary<string, Feature> _features = new(StringComparer.Ordinal);
    private readonly List<string> _uris = [];
    private readonly Dictionary<string, Step> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Scenario> _scenarios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TableRow Row, TableRow? Header)> _rows = new(StringComparer.Ordinal);

    /// <summary>Feature files in the order their documents arrived.</summary>
    public IEnumerable<string> Uris => _uris;

    public void Add(GherkinDocument document)
    {
        if (document.Uri is not { } uri || document.Feature is not { } feature)
        {
            return; // An empty feature file: nothing to index.
        }

        if (!_features.ContainsKey(uri))
        {
            _uris.Add(uri);
        }

        _features[uri] = feature;
        foreach (var child in feature.Children ?? [])
        {
            IndexChild(child.Background, child.Scenario);
            foreach (var ruleChild in child.Rule?.Children ?? [])
            {
                IndexChild(ruleChild.Background, ruleChild.Scenario);
            }
        }
    }

    public FeatureResult Feature(string uri, IReadOnlyList<ScenarioResult> scenarios)
    {
        var feature = _features.GetValueOrDefault(uri);
        return new FeatureResult
        {
            Uri = uri,
            Keyword = feature?.Keyword ?? "Feature",
            Name = feature?.Name is { Length: > 0 } name ? name : uri,
            Description = feature?.Description?.Trim() ?? "",
            Tags = feature?.Tags?.Select(t => t.Name).ToList() ?? [],
            Scenarios = scenarios,
        };
    }

    /// <summary>The step's keyword and line; "* " and 0 when the document is not in the stream.</summary>
    public (string Keyword, int Line) Step(PickleStep step) =>
        step.AstNodeIds is [var id, ..] && _steps.TryGetValue(id, out var ast) ? (ast.Keyword ?? "* ", (int)(ast.Location?.Line ?? 0)) : ("* ", 0);

    /// <summary>The title to show (with the Examples row's values for an outline) and the most precise line.</summary>
    public (string DisplayName, int Line) Describe(Pickle pickle)
    {
        var ids = pickle.AstNodeIds ?? [];
        var line = ids.Count > 0 && _scenarios.TryGetValue(ids[0], out var scenario) ? (int)(scenario.Location?.Line ?? 0) : 0;
        if (ids.Count < 2 || !_rows.TryGetValue(ids[^1], out var row))
        {
            return (pickle.Name ?? "", line);
        }

        var headers = row.Header?.Cells?.Select(c => c.Value).ToList() ?? [];
        var values = (row.Row.Cells ?? []).Select((cell, i) => i < headers.Count ? $"{headers[i]}: {cell.Value}" : cell.Value);
        return ($"{pickle.Name} ({string.Join(", ", values)})", (int)(row.Row.Location?.Line ?? line));
    }

    private void IndexChild(Background? background, Scenario? scenario)
    {
        IndexSteps(background?.Steps);
        if (scenario is null)
        {
            return;
        }

        if (scenario.Id is { } id)
        {
            _scenarios[id] = scenario;
        }

        IndexSteps(scenario.Steps);
        foreach (var examples in scenario.Examples ?? [])
        {
            foreach (var row in (examples.TableBody ?? []).Where(r => r.Id is not null))
            {
                _rows[row.Id] = (row, examples.TableHeader);
            }
        }
    }

    private void IndexSteps(IEnumerable<Step>? steps)
    {
        foreach (var step in (steps ?? []).Where(s => s.Id is not null))
        {
            _steps[step.Id] = step;
        }
    }
}
