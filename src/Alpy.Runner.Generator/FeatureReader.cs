using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Gherkin;
using Alpy.Runner.Features;
using Ast = Gherkin.Ast;

namespace Alpy.Runner.Generator;

/// <summary>Reads a feature file with Cucumber's Gherkin 5 parser into a <see cref="FeatureModel"/>.</summary>
internal static class FeatureReader
{
    public static FeatureModel Read(string uri, string path, string source, string defaultLanguage)
    {
        var language = ResolveLanguage(defaultLanguage);
        Ast.GherkinDocument document;
        try
        {
            using var reader = new StringReader(source);
            document = new Parser().Parse(new TokenScanner(reader), new TokenMatcher(CachedDialectProvider.For(language)));
        }
        catch (CompositeParserException e)
        {
            return Failed(uri, path, source, language, e.Errors.First());
        }
        catch (ParserException e)
        {
            return Failed(uri, path, source, language, e);
        }

        var feature = document.Feature;
        if (feature is null)
        {
            return new FeatureModel(uri, path, source, string.Empty, language, Array.Empty<ScenarioModel>(), null);
        }

        var dialect = CachedDialectProvider.For("en").GetDialect(feature.Language, feature.Location);
        var scenarios = new List<ScenarioModel>();
        var background = Array.Empty<Ast.Step>();
        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case Ast.Background b:
                    background = b.Steps.ToArray();
                    break;
                case Ast.ScenarioOutline outline:
                    var rows = outline.Examples.Where(e => e.TableHeader is not null)
                        .SelectMany(e => (e.TableBody ?? Enumerable.Empty<Ast.TableRow>()).Select(r => Values(e.TableHeader, r)))
                        .ToArray();
                    var outlineSteps = rows.SelectMany(values => Steps(dialect, background, outline.Steps, values)).ToArray();
                    var outlineTags = outline.Tags.Select(t => t.Name).Concat(outline.Examples.SelectMany(e => e.Tags.Select(t => t.Name))).ToArray();
                    scenarios.Add(new ScenarioModel(outline.Location.Line, outline.Name ?? string.Empty, outlineTags, outlineSteps));
                    break;
                case Ast.Scenario scenario:
                    scenarios.Add(new ScenarioModel(scenario.Location.Line, scenario.Name ?? string.Empty, scenario.Tags.Select(t => t.Name).ToArray(), Steps(dialect, background, scenario.Steps, null)));
                    break;
            }
        }

        return new FeatureModel(uri, path, source, feature.Name ?? string.Empty, language, scenarios, null);
    }

    private static List<StepModel> Steps(GherkinDialect dialect, IReadOnlyList<Ast.Step> background, IEnumerable<Ast.Step> steps, IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        var all = steps.ToList();
        var result = new List<StepModel>();
        if (all.Count == 0)
        {
            return result;
        }

        var kind = "Any";
        foreach (var step in background.Concat(all))
        {
            kind = Kind(dialect, step.Keyword, kind);
            var argument = step.Argument is Ast.DataTable ? "DataTable dataTable" : step.Argument is Ast.DocString ? "string docString" : null;
            result.Add(new StepModel(step.Keyword, kind, Interpolate(step.Text, values), step.Location.Line, step.Location.Column, argument));
        }

        return result;
    }

    private static string Kind(GherkinDialect dialect, string keyword, string previous)
    {
        var given = dialect.GivenStepKeywords.Contains(keyword);
        var when = dialect.WhenStepKeywords.Contains(keyword);
        var then = dialect.ThenStepKeywords.Contains(keyword);
        if (given && !when && !then)
        {
            return "Given";
        }

        if (when && !given && !then)
        {
            return "When";
        }

        if (then && !given && !when)
        {
            return "Then";
        }

        return previous;
    }

    private static KeyValuePair<string, string>[] Values(Ast.TableRow header, Ast.TableRow row) =>
        header.Cells.Zip(row.Cells, (h, c) => new KeyValuePair<string, string>(h.Value, c.Value)).ToArray();

    private static string Interpolate(string text, IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        if (values is null)
        {
            return text;
        }

        foreach (var pair in values)
        {
            text = text.Replace("<" + pair.Key + ">", pair.Value);
        }

        return text;
    }

    private static FeatureModel Failed(string uri, string path, string source, string language, ParserException error)
    {
        var line = error.Location?.Line ?? 1;
        var column = Math.Max(error.Location?.Column ?? 1, 1);
        var message = error.Message;
        var prefix = "(" + line + ":" + (error.Location?.Column ?? 1) + "): ";
        if (message.StartsWith(prefix, StringComparison.Ordinal))
        {
            message = message.Substring(prefix.Length);
        }

        return new FeatureModel(uri, path, source, string.Empty, language, Array.Empty<ScenarioModel>(), new ParseErrorModel(line, column, message));
    }

    /// <summary>The Gherkin dialect for a culture name such as en-US (falls back to its language, then English).</summary>
    private static string ResolveLanguage(string culture)
    {
        var provider = CachedDialectProvider.For("en");
        var candidates = new List<string> { culture, culture.ToLowerInvariant() };
        var dash = culture.IndexOf('-');
        if (dash > 0)
        {
            candidates.Add(culture.Substring(0, dash).ToLowerInvariant());
        }

        foreach (var candidate in candidates)
        {
            try
            {
                provider.GetDialect(candidate, null);
                return candidate;
            }
            catch (NoSuchLanguageException)
            {
                // next candidate
            }
        }

        return "en";
    }
}
