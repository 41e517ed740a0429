namespace Alpy.Reports.Model;

/// <summary>Everything a report needs to know about one run, analysed from its message stream.</summary>
public sealed record RunResult
{
    public IReadOnlyList<FeatureResult> Features { get; init; } = [];

    public IReadOnlyList<TestRunHookResult> TestRunHooks { get; init; } = [];

    /// <summary>"alpy-runner 1.0.0" or whatever the stream's meta names.</summary>
    public string? Implementation { get; init; }

    public string? ProtocolVersion { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>testRunFinished was read: nothing is missing at the end.</summary>
    public bool IsComplete { get; init; }

    /// <summary>The runner's own verdict (testRunFinished.success); false when incomplete.</summary>
    public bool RunnerReportedSuccess { get; init; }

    /// <summary>Run-level problems in words: the run was cut short, a test-run hook failed, the runner failed.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public IEnumerable<ScenarioResult> Scenarios => Features.SelectMany(f => f.Scenarios);

    public StatusCounts ScenarioCounts => StatusCounts.Count(Scenarios.Select(s => s.Status));

    public StatusCounts StepCounts => StatusCounts.Count(Scenarios.SelectMany(s => s.Steps).Where(s => !s.IsHook).Select(s => s.Status));

    public OutcomeTotals Totals => OutcomeTotals.Count(Scenarios.Select(s => s.Outcome));

    public TimeSpan? Duration => StartedAt is { } start && FinishedAt is { } end ? end - start : null;

    public RunStatus Status => !IsComplete
        ? RunStatus.Incomplete
        : RunnerReportedSuccess && Problems.Count == 0 && Totals.Failed == 0 ? RunStatus.Passed : RunStatus.Failed;

    /// <summary>Scenarios whose outcome is failed, in report order.</summary>
    public IEnumerable<ScenarioResult> FailedScenarios => Scenarios.Where(s => s.Outcome == ScenarioOutcome.Failed);
}
