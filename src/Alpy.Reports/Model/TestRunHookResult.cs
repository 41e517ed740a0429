namespace Alpy.Reports.Model;

/// <summary>A BeforeTestRun/AfterTestRun hook (the lab boots in one) and how it went.</summary>
public sealed record TestRunHookResult
{
    /// <summary>"BEFORE_TEST_RUN" or "AFTER_TEST_RUN" (as in the stream).</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    public SourceLocation? Location { get; init; }

    public TestStatus Status { get; init; }

    public TimeSpan Duration { get; init; }

    public string? Message { get; init; }

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    public string Title => Type switch
    {
        "BEFORE_TEST_RUN" => $"BeforeTestRun hook {Name}".TrimEnd(),
        "AFTER_TEST_RUN" => $"AfterTestRun hook {Name}".TrimEnd(),
        _ => $"{Type} hook {Name}".TrimEnd(),
    };
}
