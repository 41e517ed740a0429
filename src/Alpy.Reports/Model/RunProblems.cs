using Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Model;

/// <summary>
/// What is wrong with a run beyond its scenarios, in words: it never started, it was cut short (and how
/// much of it ran), its last line was cut off, a test-run hook failed (the lab did not come up), or the
/// runner reported an error of its own.
/// </summary>
internal static class RunProblems
{
    public static List<string> Describe(bool started, TestRunFinished? finished, IReadOnlyList<FeatureResult> features, IReadOnlyList<TestRunHookResult> hooks, long truncatedTailBytes)
    {
        var problems = new List<string>();
        var scenarios = features.SelectMany(f => f.Scenarios).ToList();
        if (!started)
        {
            problems.Add("The stream has no testRunStarted message: the test run never started, so no scenario ran.");
        }
        else if (finished is null)
        {
            var ran = scenarios.Count(s => s.Ran && !s.Interrupted);
            var unfinished = scenarios.Where(s => s.Interrupted).ToList();
            var interrupted = unfinished switch
            {
                [] => "",
                [var one] => $" '{one.DisplayName}' ({one.Location}) was running when it stopped.",
                [var first, ..] => $" {unfinished.Count} were running when it stopped (features run in parallel), e.g. '{first.DisplayName}' ({first.Location}).",
            };
            problems.Add($"The stream ends before testRunFinished: the run was cut short (crash, kill or timeout). " +
                $"Only {ran} of {scenarios.Count} scenarios have results.{interrupted}");
        }

        if (truncatedTailBytes > 0)
        {
            problems.Add($"The last line of the stream was cut off mid-message ({truncatedTailBytes} bytes dropped).");
        }

        foreach (var hook in hooks.Where(h => h.Status.ToOutcome() == ScenarioOutcome.Failed || h.Status == TestStatus.Unknown))
        {
            var where = hook.Location is null ? "" : $" ({hook.Location})";
            var what = hook.Status == TestStatus.Unknown ? "did not finish" : hook.Status.ToWord();
            problems.Add($"{hook.Title}{where} {what}: {hook.Message ?? "no message"}");
        }

        if (finished is { Success: false })
        {
            if (finished.Message is { Length: > 0 } || finished.Exception is not null)
            {
                var exception = finished.Exception is { } e ? $" ({e.Type}: {e.Message})" : "";
                problems.Add($"The runner reported an error outside any scenario: {finished.Message}{exception}".TrimEnd());
            }
            else if (problems.Count == 0 && !scenarios.Any(s => s.Outcome == ScenarioOutcome.Failed))
            {
                problems.Add("The runner reported the run as failed, but no scenario or hook failed; see the runner's output.");
            }
        }

        return problems;
    }
}
