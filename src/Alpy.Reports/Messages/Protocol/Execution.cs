namespace Alpy.Reports.Messages.Protocol;

internal sealed record TestRunStarted
{
    public string? Id { get; init; }
    public required Timestamp Timestamp { get; init; }
}

internal sealed record TestRunFinished
{
    public bool Success { get; init; }
    public Timestamp? Timestamp { get; init; }
    public string? Message { get; init; }
    public ExceptionInfo? Exception { get; init; }
}

internal sealed record TestCase
{
    public required string Id { get; init; }
    public required string PickleId { get; init; }
    public IReadOnlyList<TestStep> TestSteps { get; init; } = [];
}

internal sealed record TestStep
{
    public required string Id { get; init; }
    public string? PickleStepId { get; init; }
    public string? HookId { get; init; }
}

internal sealed record TestCaseStarted
{
    public required string Id { get; init; }
    public required string TestCaseId { get; init; }
    public int Attempt { get; init; }
    public required Timestamp Timestamp { get; init; }
}

internal sealed record TestStepFinished
{
    public required string TestCaseStartedId { get; init; }
    public required string TestStepId { get; init; }
    public required TestStepResult TestStepResult { get; init; }
}

internal sealed record TestStepResult
{
    public required string Status { get; init; }
    public Duration? Duration { get; init; }
    public string? Message { get; init; }
    public ExceptionInfo? Exception { get; init; }
}

internal sealed record TestCaseFinished
{
    public required string TestCaseStartedId { get; init; }
    public required Timestamp Timestamp { get; init; }
    public bool WillBeRetried { get; init; }
}

internal sealed record TestRunHookStarted
{
    public required string Id { get; init; }
    public required string HookId { get; init; }
}

internal sealed record TestRunHookFinished
{
    public required string TestRunHookStartedId { get; init; }
    public required TestStepResult Result { get; init; }
}

internal sealed record Attachment
{
    public string? TestCaseStartedId { get; init; }
    public string? TestStepId { get; init; }
    public string? TestRunHookStartedId { get; init; }
    public required string MediaType { get; init; }
    public string? FileName { get; init; }
    public string ContentEncoding { get; init; } = "IDENTITY";
    public string? Url { get; init; }
}
