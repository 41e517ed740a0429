using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Alpy.Runner.Expressions;
using Microsoft.CodeAnalysis;

namespace Alpy.Runner.Generator;

/// <summary>
/// Beyond Reqnroll: checks every step against the step definitions while building and reports
/// undefined and ambiguous steps at their file:line, with a step definition to paste. Scoped
/// definitions are taken to apply (their tag logic is the run's business), so nothing is
/// reported that the run would not also report.
/// </summary>
internal static class StepChecker
{
    public static void Report(SourceProductionContext output, ImmutableArray<FeatureModel> features, BindingSet bindings)
    {
        if (bindings.Definitions.Count == 0 && bindings.Errors.Count == 0)
        {
            return; // no bindings visible to the build (or not a runner project): the run will tell
        }

        foreach (var error in bindings.Errors)
        {
            var split = error.IndexOf(": ", StringComparison.Ordinal);
            output.ReportDiagnostic(Diagnostic.Create(Diagnostics.InvalidBinding, Location.None, error.Substring(0, Math.Max(split, 0)), error.Substring(split + 2)));
        }

        var matchers = bindings.Definitions.Select(d => (Definition: d, Regex: new Regex(d.Pattern, RegexOptions.CultureInvariant), Prefix: RegexPrefix.Read(d.Pattern))).ToArray();
        var cache = new Dictionary<string, List<StepDefinitionInfo>>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in feature.Scenarios.SelectMany(s => s.Steps))
            {
                if (!reported.Add(step.Line + "|" + step.Text))
                {
                    continue;
                }

                if (!cache.TryGetValue(step.Text, out var textMatches))
                {
                    textMatches = matchers.Where(m => step.Text.StartsWith(m.Prefix, StringComparison.Ordinal) && m.Regex.IsMatch(step.Text)).Select(m => m.Definition).ToList();
                    cache[step.Text] = textMatches;
                }

                var matches = textMatches.Where(d => d.Kind == "Any" || step.Kind == "Any" || d.Kind == step.Kind).ToList();
                var location = FeatureGenerator.Locate(feature, step.Line, step.Column);
                if (matches.Count == 0)
                {
                    var keyword = step.Kind == "Any" ? "Given" : step.Kind;
                    var skeleton = StepSkeletonGenerator.Generate(keyword, step.Text, step.Argument, SkeletonStyle.CucumberExpressionAttribute)[0].Split('\n')[0];
                    output.ReportDiagnostic(Diagnostic.Create(Diagnostics.UndefinedStep, location, step.Keyword + step.Text, skeleton));
                }
                else if (matches.Count > 1 && !matches.Any(m => m.Scoped))
                {
                    output.ReportDiagnostic(Diagnostic.Create(Diagnostics.AmbiguousStep, location, step.Keyword + step.Text, matches.Count, string.Join(", ", matches.Select(m => m.Method + " [" + m.Expression + "]"))));
                }
            }
        }
    }
}
