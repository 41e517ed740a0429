using System.Text;
using Alpy.Runner.Bindings;
using Alpy.Runner.Expressions;
using Alpy.Runner.Features;

namespace Alpy.Runner.Execution;

/// <summary>
/// Binds every step of the given scenarios without running anything and lists what is wrong:
/// undefined steps (with skeletons), ambiguous steps (with candidates), steps whose definition
/// cannot take their argument, and invalid bindings. Used before [BeforeTestRun] hooks and by tools.
/// </summary>
internal sealed record DryRunReport(
    int ScenarioCount,
    int StepCount,
    IReadOnlyList<(ScenarioCase Scenario, BoundStep Step)> Undefined,
    IReadOnlyList<(ScenarioCase Scenario, BoundStep Step)> Ambiguous,
    IReadOnlyList<(ScenarioCase Scenario, BoundStep Step)> Mismatched,
    IReadOnlyList<BindingError> BindingErrors,
    IReadOnlyList<FeatureParseError> ParseErrors)
{
    public bool IsClean => Undefined.Count == 0 && Ambiguous.Count == 0 && Mismatched.Count == 0 && BindingErrors.Count == 0 && ParseErrors.Count == 0;

    public static DryRunReport Create(RunEnvironment environment, IEnumerable<ScenarioCase> scenarios, IEnumerable<FeatureFile>? features = null)
    {
        var undefined = new List<(ScenarioCase, BoundStep)>();
        var ambiguous = new List<(ScenarioCase, BoundStep)>();
        var mismatched = new List<(ScenarioCase, BoundStep)>();
        var scenarioCount = 0;
        var stepCount = 0;
        foreach (var scenario in scenarios)
        {
            scenarioCount++;
            foreach (var step in environment.Bind(scenario).Steps)
            {
                stepCount++;
                switch (step.Status)
                {
                    case StepBindingStatus.Undefined:
                        undefined.Add((scenario, step));
                        break;
                    case StepBindingStatus.Ambiguous:
                        ambiguous.Add((scenario, step));
                        break;
                    default:
                        if (step.Problem is not null)
                        {
                            mismatched.Add((scenario, step));
                        }

                        break;
                }
            }
        }

        var parseErrors = features?.Where(f => f.Error is not null).Select(f => f.Error!).ToArray() ?? [];
        return new DryRunReport(scenarioCount, stepCount, undefined, ambiguous, mismatched, environment.Registry.Errors, parseErrors);
    }

    public string Describe(SkeletonStyle style)
    {
        var text = new StringBuilder();
        foreach (var error in ParseErrors)
        {
            text.Append("  ").Append(error).Append('\n');
        }

        foreach (var error in BindingErrors)
        {
            text.Append("  invalid binding ").Append(error).Append('\n');
        }

        foreach (var (scenario, step) in Undefined)
        {
            text.Append($"  {scenario.Feature.Uri}:{step.Step.Line}: undefined step \"{step.Step.Keyword}{step.Step.Text}\"\n");
        }

        foreach (var (scenario, step) in Ambiguous)
        {
            text.Append($"  {scenario.Feature.Uri}:{step.Step.Line}: ambiguous step \"{step.Step.Keyword}{step.Step.Text}\" matches {string.Join(" and ", step.Matches.Select(m => m.Binding.Description))}\n");
        }

        foreach (var (scenario, step) in Mismatched)
        {
            text.Append($"  {scenario.Feature.Uri}:{step.Step.Line}: {step.Problem}\n");
        }

        var skeletons = Undefined
            .Select(u => StepSkeletonGenerator.Generate(u.Step.Step.Kind.KeywordName(), u.Step.Step.Text, u.Step.Step.ArgumentParameter(), style)[0])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (skeletons.Length > 0)
        {
            text.Append("\nStep definitions to add:\n\n");
            text.Append(string.Join("\n\n", skeletons.Select(s => "    " + s.Replace("\n", "\n    ", StringComparison.Ordinal))));
        }

        return text.ToString().TrimEnd();
    }
}
