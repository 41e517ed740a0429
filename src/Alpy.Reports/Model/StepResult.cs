namespace Alpy.Reports.Model;

/// <summary>One executed (or skipped) step of a scenario: a Gherkin step or a scenario hook.</summary>
public sealed record StepResult
{
    /// <summary>"Given ", "When ", ... for Gherkin steps; "Before hook"/"After hook" for hooks.</summary>
    public required string Keyword { get; init; }

    /// <summary>The step's text (with outline values filled in), or the hook's name.</summary>
    public required string Text { get; init; }

    public bool IsHook { get; init; }

    /// <summary>Where it is: the feature file for a step, the hook's source for a hook (may be unknown).</summary>
    public SourceLocation? Location { get; init; }

    public TestStatus Status { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>The error message of a failed step (or the reason of a pending/skipped one).</summary>
    public string? Message { get; init; }

    public string? ExceptionType { get; init; }

    /// <summary>For an undefined step: the step definition the runner suggests (its suggestion message), to paste.</summary>
    public string? Snippet { get; init; }

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>"When the DUT is pinged" or "Before hook StartCapture".</summary>
    public string Title => IsHook ? $"{Keyword} {Text}".TrimEnd() : $"{Keyword.TrimEnd()} {Text}";
}
