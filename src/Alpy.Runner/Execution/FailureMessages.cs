using System.Text;
using Alpy.Runner.Bindings;
using Alpy.Runner.Expressions;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Execution;

/// <summary>The texts people read when a scenario does not pass: what, where (file:line), and what to do.</summary>
internal static class FailureMessages
{
    public static string Failed(ScenarioCase scenario, StepOutcome outcome) =>
        $"Scenario \"{scenario.Title}\" ({scenario.Position}) failed at {outcome.Describe(scenario)}:\n{outcome.Error?.Message}";

    public static string Undefined(ScenarioCase scenario, IReadOnlyList<StepOutcome> undefined, SkeletonStyle style, IReadOnlyList<BindingError> bindingErrors)
    {
        var text = new StringBuilder();
        text.Append($"Scenario \"{scenario.Title}\" ({scenario.Position}) has {undefined.Count} undefined step{(undefined.Count == 1 ? string.Empty : "s")}:\n");
        foreach (var outcome in undefined)
        {
            text.Append($"  {scenario.Feature.Uri}:{outcome.Step!.Line}  {outcome.Step.Keyword}{outcome.Step.Text}\n");
            if (outcome.Binding?.Hint is { } hint)
            {
                text.Append("    (").Append(hint.Replace("\n", "\n     ", StringComparison.Ordinal)).Append(")\n");
            }
        }

        text.Append("\nAdd step definitions like these to a [Binding] class:\n");
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in undefined)
        {
            var skeleton = StepSkeletonGenerator.Generate(outcome.Step!.Kind.KeywordName(), outcome.Step.Text, outcome.Step.ArgumentParameter(), style)[0];
            if (written.Add(skeleton))
            {
                text.Append('\n').Append(Indent(skeleton)).Append('\n');
            }
        }

        if (bindingErrors.Count > 0)
        {
            text.Append($"\nNote: {bindingErrors.Count} binding{(bindingErrors.Count == 1 ? " is" : "s are")} invalid and not used:\n");
            foreach (var error in bindingErrors)
            {
                text.Append("  ").Append(error).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    public static string Ambiguous(BoundStep step, ScenarioCase scenario)
    {
        var text = new StringBuilder();
        text.Append($"The step \"{step.Step.Keyword}{step.Step.Text}\" ({scenario.Feature.Uri}:{step.Step.Line}) is ambiguous: {step.Matches.Count} step definitions match it:\n");
        foreach (var match in step.Matches)
        {
            text.Append("  ").Append(match.Binding.Description).Append('\n');
        }

        text.Append("Make the expressions more specific, or restrict one with [Scope].");
        return text.ToString();
    }

    public static string Pending(ScenarioCase scenario, StepOutcome outcome) =>
        $"Pending: {outcome.Describe(scenario)} is not implemented yet{(outcome.Error is PendingStepException { HasCustomMessage: true } p ? ": " + p.Message : ".")}";

    public static string Skipped(ScenarioCase scenario, StepOutcome outcome) =>
        $"Skipped at {outcome.Describe(scenario)}{(outcome.Error is not null && StepStatus.MessageOf(outcome.Error) is { } reason ? ": " + reason : ".")}";

    public static string Status(string status) => status switch
    {
        TestStepResultStatus.Failed => "failed",
        _ => status.ToLowerInvariant(),
    };

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ", StringComparison.Ordinal);
}
