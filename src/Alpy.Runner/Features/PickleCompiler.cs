using Alpy.Runner.Messages;

namespace Alpy.Runner.Features;

/// <summary>
/// Compiles a feature's scenarios into pickles the way Cucumber's modern compiler does:
/// background steps go before each scenario's steps (when it has any), an outline gives one
/// pickle per examples row with its placeholders filled in, tags are inherited.
/// </summary>
internal sealed class PickleCompiler(FeatureFile feature, IIdGenerator ids)
{
    public IReadOnlyList<ScenarioCase> Compile()
    {
        var document = feature.Document!;
        if (document.Feature is null)
        {
            return [];
        }

        var scenarios = new List<ScenarioCase>();
        var background = Array.Empty<Step>();
        foreach (var child in document.Feature.Children)
        {
            if (child.Background is not null)
            {
                background = child.Background.Steps.ToArray();
            }
            else if (child.Scenario is { } scenario)
            {
                if (scenario.Examples.Count == 0)
                {
                    scenarios.Add(CompileScenario(document.Feature, scenario, background));
                }
                else
                {
                    scenarios.AddRange(CompileOutline(document.Feature, scenario, background));
                }
            }
        }

        return scenarios;
    }

    private ScenarioCase CompileScenario(Feature parent, Scenario scenario, Step[] background)
    {
        var steps = new List<(PickleStep Pickle, Step Ast)>();
        if (scenario.Steps.Count > 0)
        {
            steps.AddRange(CompileSteps(background, null, null));
            steps.AddRange(CompileSteps(scenario.Steps, null, null));
        }

        var tags = parent.Tags.Concat(scenario.Tags).Select(t => new PickleTag(t.Name, t.Id)).ToArray();
        var pickle = new Pickle(ids.NewId(), feature.Uri, scenario.Location, scenario.Name, parent.Language, steps.Select(s => s.Pickle).ToArray(), tags, [scenario.Id]);
        return new ScenarioCase(feature, pickle, scenario, Runnable(steps), [], []);
    }

    private IEnumerable<ScenarioCase> CompileOutline(Feature parent, Scenario outline, Step[] background)
    {
        foreach (var examples in outline.Examples)
        {
            if (examples.TableHeader is null)
            {
                continue;
            }

            var headers = examples.TableHeader.Cells.Select(c => c.Value).ToArray();
            foreach (var row in examples.TableBody)
            {
                var values = headers.Zip(row.Cells, (h, c) => new KeyValuePair<string, string>(h, c.Value)).ToArray();
                var steps = new List<(PickleStep Pickle, Step Ast)>();
                if (outline.Steps.Count > 0)
                {
                    steps.AddRange(CompileSteps(background, null, null));
                    steps.AddRange(CompileSteps(outline.Steps, values, row.Id));
                }

                var tags = parent.Tags.Concat(outline.Tags).Concat(examples.Tags).Select(t => new PickleTag(t.Name, t.Id)).ToArray();
                var pickle = new Pickle(ids.NewId(), feature.Uri, row.Location, Interpolate(outline.Name, values), parent.Language, steps.Select(s => s.Pickle).ToArray(), tags, [outline.Id, row.Id]);
                yield return new ScenarioCase(feature, pickle, outline, Runnable(steps), values, examples.Tags.Select(t => t.Name).ToArray());
            }
        }
    }

    private List<(PickleStep Pickle, Step Ast)> CompileSteps(IEnumerable<Step> steps, KeyValuePair<string, string>[]? values, string? rowId)
    {
        var compiled = new List<(PickleStep, Step)>();
        var lastType = "Unknown";
        foreach (var step in steps)
        {
            if (step.KeywordType != "Conjunction")
            {
                lastType = step.KeywordType;
            }

            var astNodeIds = rowId is null ? new[] { step.Id } : new[] { step.Id, rowId };
            var pickleStep = new PickleStep(ids.NewId(), Interpolate(step.Text, values), lastType, astNodeIds) { Argument = Argument(step, values) };
            compiled.Add((pickleStep, step));
        }

        return compiled;
    }

    private static PickleStepArgument? Argument(Step step, KeyValuePair<string, string>[]? values)
    {
        if (step.DocString is { } doc)
        {
            return new PickleStepArgument
            {
                DocString = new PickleDocString(Interpolate(doc.Content, values)) { MediaType = doc.MediaType is null ? null : Interpolate(doc.MediaType, values) },
            };
        }

        if (step.DataTable is { } table)
        {
            return new PickleStepArgument
            {
                DataTable = new PickleTable(table.Rows.Select(r => new PickleTableRow(r.Cells.Select(c => new PickleTableCell(Interpolate(c.Value, values))).ToArray())).ToArray()),
            };
        }

        return null;
    }

    private static ScenarioStep[] Runnable(List<(PickleStep Pickle, Step Ast)> steps)
    {
        var result = new ScenarioStep[steps.Count];
        var lastKind = StepKinds.Any;
        for (var i = 0; i < steps.Count; i++)
        {
            var (pickle, ast) = steps[i];
            var kind = pickle.Type switch
            {
                "Context" => StepKinds.Given,
                "Action" => StepKinds.When,
                "Outcome" => StepKinds.Then,
                _ => lastKind,
            };
            lastKind = kind;
            result[i] = new ScenarioStep(pickle, ast.Keyword, kind, ast.Location.Line);
        }

        return result;
    }

    private static string Interpolate(string text, KeyValuePair<string, string>[]? values)
    {
        if (values is null)
        {
            return text;
        }

        foreach (var (name, value) in values)
        {
            text = text.Replace("<" + name + ">", value, StringComparison.Ordinal);
        }

        return text;
    }
}
