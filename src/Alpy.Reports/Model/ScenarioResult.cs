namespace Alpy.Reports.Model;

/// <summary>One scenario (one pickle: an outline contributes one per Examples row) and how its last attempt went.</summary>
public sealed record ScenarioResult
{
    /// <summary>The pickle's id in the stream.</summary>
    public required string Id { get; init; }

    /// <summary>The scenario's title as written.</summary>
    public required string Name { get; init; }

    /// <summary>The title, with the Examples row's values for an outline row: "Reroute (port: 80)".</summary>
    public required string DisplayName { get; init; }

    /// <summary>The scenario's (or Examples row's) place in its feature file.</summary>
    public required SourceLocation Location { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Worst status of the last attempt's steps; Unknown when it never ran.</summary>
    public TestStatus Status { get; init; }

    /// <summary>Started but never finished: the run was cut short while it ran.</summary>
    public bool Interrupted { get; init; }

    /// <summary>How many times it was started (retries make more than one).</summary>
    public int Attempts { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    /// <summary>Attachments made outside any step (scenario level).</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    public bool Ran => Attempts > 0;

    public ScenarioOutcome Outcome => Status.ToOutcome();

    /// <summary>The step that decided a non-passing status (failed, undefined, pending, ambiguous, skipped).</summary>
    public StepResult? DecisiveStep => Status is TestStatus.Passed or TestStatus.Unknown
        ? null
        : Steps.FirstOrDefault(s => s.Status == Status);

    /// <summary>Every attachment of the scenario, its steps and hooks, in order.</summary>
    public IEnumerable<AttachmentInfo> AllAttachments => Attachments.Concat(Steps.SelectMany(s => s.Attachments));
}
