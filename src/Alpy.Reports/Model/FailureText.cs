using System.Text;

namespace Alpy.Reports.Model;

/// <summary>
/// The words used wherever a non-passing scenario is explained (JUnit, console summary, index page):
/// the decisive step with file:line, its message, and the evidence attached to the scenario.
/// </summary>
public static class FailureText
{
    /// <summary>"And the ping fails (features/x.feature:12): expected exit code 1, got 0".</summary>
    public static string Headline(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Interrupted)
        {
            return $"interrupted: the run stopped while this scenario ran ({scenario.Location})";
        }

        if (scenario.DecisiveStep is not { } step)
        {
            return scenario.Ran ? $"{scenario.Status.ToWord()} ({scenario.Location})" : $"not run ({scenario.Location})";
        }

        var where = step.Location is null ? "" : $" ({step.Location})";
        var message = FirstLine(step.Message) ?? Explain(step);
        return $"{step.Title}{where}: {message}";
    }

    /// <summary>Everything a reader needs in a CI server's failure view.</summary>
    public static string Details(ScenarioResult scenario, string? reportLocation = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var text = new StringBuilder();
        text.AppendLine($"Scenario: {scenario.DisplayName} ({scenario.Location})");
        if (scenario.DecisiveStep is { } step)
        {
            text.AppendLine($"Step:     {step.Title}{(step.Location is null ? "" : $" ({step.Location})")} -> {step.Status.ToWord()}");
            text.AppendLine($"Message:  {Indent(step.Message ?? Explain(step))}");
            if (step.Snippet is { } snippet)
            {
                text.AppendLine($"Snippet:  {Indent(snippet)}");
            }
        }
        else if (scenario.Interrupted)
        {
            text.AppendLine("Message:  the run stopped while this scenario ran (crash, kill or timeout).");
        }

        var evidence = scenario.AllAttachments.ToList();
        if (evidence.Count > 0)
        {
            text.AppendLine("Evidence:");
            foreach (var attachment in evidence)
            {
                text.AppendLine($"  - {attachment.Describe()}");
            }
        }

        if (reportLocation is not null)
        {
            text.AppendLine($"Report:   {reportLocation}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Why a step has a status without a message of its own (an undefined step: with the start of the step definition to add).</summary>
    public static string Explain(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Status == TestStatus.Undefined && FirstLine(step.Snippet) is { } signature
            ? $"no step definition matches this step; add one such as {signature}"
            : Explain(step.Status);
    }

    /// <summary>Why a step has a status without a message of its own.</summary>
    public static string Explain(TestStatus status) => status switch
    {
        TestStatus.Undefined => "no step definition matches this step; the runner's output has a skeleton to paste.",
        TestStatus.Pending => "the step definition is pending (not implemented yet).",
        TestStatus.Ambiguous => "more than one step definition matches this step.",
        TestStatus.Skipped => "skipped.",
        TestStatus.Failed => "failed without a message.",
        _ => status.ToWord(),
    };

    public static string? FirstLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Split('\n')[0].TrimEnd('\r');

    private static string Indent(string text) => text.Trim().ReplaceLineEndings("\n          ");
}
