using System.Collections.Generic;
using System.IO;
using System.Linq;
using Gherkin;
using Gherkin.Ast;

namespace Alpy.Specs.Analyzers;

/// <summary>A step of a feature file as Reqnroll runs it: where it is, its keyword as written, its kind and its text.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column of the keyword.</param>
/// <param name="Keyword">The keyword as written, e.g. "And ".</param>
/// <param name="Kind">Given, When or Then ("And", "But" and "*" take the kind of the step before; a first "*" is Given).</param>
/// <param name="Text">The text Reqnroll matches: for an outline, once per distinct text its Examples rows make.</param>
internal sealed record FeatureStep(int Line, int Column, string Keyword, StepKind Kind, string Text);

/// <summary>Reads the steps of a feature file with the Gherkin parser (the version Reqnroll 3.3.4 uses).</summary>
internal static class FeatureSteps
{
    /// <exception cref="CompositeParserException">The file does not parse; its errors carry their lines.</exception>
    public static IReadOnlyList<FeatureStep> Read(string text)
    {
        var document = new Parser().Parse(new StringReader(text));
        var steps = new List<FeatureStep>();
        if (document.Feature is { } feature)
            Collect(feature.Children, steps);
        return steps;
    }

    private static void Collect(IEnumerable<IHasLocation> children, List<FeatureStep> steps)
    {
        foreach (var child in children)
        {
            switch (child)
            {
                case Background background:
                    Add(background.Steps, [], steps);
                    break;
                case Scenario scenario:
                    Add(scenario.Steps, Rows(scenario), steps);
                    break;
                case Rule rule:
                    Collect(rule.Children, steps);
                    break;
            }
        }
    }

    /// <summary>The Examples rows of an outline as placeholder → value maps (none for a plain scenario).</summary>
    private static List<Dictionary<string, string>> Rows(Scenario scenario) =>
        [.. scenario.Examples.Where(e => e.TableHeader is not null).SelectMany(e => e.TableBody.Select(row =>
            e.TableHeader.Cells.Zip(row.Cells, (h, c) => (h.Value, c.Value)).GroupBy(p => p.Item1).ToDictionary(g => "<" + g.Key + ">", g => g.First().Item2)))];

    private static void Add(IEnumerable<Step> scenarioSteps, List<Dictionary<string, string>> rows, List<FeatureStep> steps)
    {
        var kind = StepKind.Given;
        foreach (var step in scenarioSteps)
        {
            kind = step.KeywordType switch
            {
                StepKeywordType.Context => StepKind.Given,
                StepKeywordType.Action => StepKind.When,
                StepKeywordType.Outcome => StepKind.Then,
                _ => kind,
            };
            var texts = rows.Count == 0 ? [step.Text] : rows.Select(row => row.Aggregate(step.Text, (t, p) => t.Replace(p.Key, p.Value))).Distinct();
            foreach (var text in texts)
                steps.Add(new FeatureStep(step.Location.Line, step.Location.Column, step.Keyword, kind, text));
        }
    }
}
