namespace Alpy.Runner.Messages;

public sealed record TestRunStarted(string Id, Timestamp Timestamp);

public sealed record TestRunHookStarted(string Id, string TestRunStartedId, string HookId, Timestamp Timestamp);

public sealed record TestRunHookFinished(string TestRunHookStartedId, TestStepResult Result, Timestamp Timestamp);

public sealed record TestCase(string Id, string PickleId, IReadOnlyList<TestStep> TestSteps, string TestRunStartedId);

/// <summary>A step of a test case: a hook (<see cref="HookId"/>) or a pickle step.</summary>
public sealed record TestStep(string Id)
{
    public string? HookId { get; init; }

    public string? PickleStepId { get; init; }

    public IReadOnlyList<string>? StepDefinitionIds { get; init; }

    public IReadOnlyList<StepMatchArgumentsList>? StepMatchArgumentsLists { get; init; }
}

public sealed record StepMatchArgumentsList(IReadOnlyList<StepMatchArgument> StepMatchArguments);

public sealed record StepMatchArgument(Group Group)
{
    public string? ParameterTypeName { get; init; }
}

/// <summary>A match group; start and value are absent when the group did not take part in the match.</summary>
public sealed record Group
{
    public int? Start { get; init; }

    public string? Value { get; init; }

    public IReadOnlyList<Group>? Children { get; init; }
}

public sealed record TestCaseStarted(string Id, string TestCaseId, int Attempt, Timestamp Timestamp)
{
    public string? WorkerId { get; init; }
}

public sealed record TestStepStarted(string TestCaseStartedId, string TestStepId, Timestamp Timestamp);

public sealed record TestStepFinished(string TestCaseStartedId, string TestStepId, TestStepResult TestStepResult, Timestamp Timestamp);

/// <summary>The outcome of a step or hook; <see cref="Status"/> is one of <see cref="TestStepResultStatus"/>.</summary>
public sealed record TestStepResult(string Status, Duration Duration)
{
    public string? Message { get; init; }

    public ExceptionInfo? Exception { get; init; }
}

public sealed record TestCaseFinished(string TestCaseStartedId, Timestamp Timestamp, bool WillBeRetried);

public sealed record TestRunFinished(string TestRunStartedId, Timestamp Timestamp, bool Success)
{
    public string? Message { get; init; }

    public ExceptionInfo? Exception { get; init; }
}

/// <summary>Evidence attached by a step or hook. Text is carried as is (IDENTITY), bytes as BASE64.</summary>
public sealed record Attachment(string Body, string ContentEncoding, string MediaType)
{
    public const string Identity = "IDENTITY";
    public const string Base64 = "BASE64";

    public string? FileName { get; init; }

    public string? Url { get; init; }

    public string? TestCaseStartedId { get; init; }

    public string? TestStepId { get; init; }

    public string? TestRunHookStartedId { get; init; }

    public Timestamp? Timestamp { get; init; }
}

public sealed record Suggestion(string Id, string PickleStepId, IReadOnlyList<Snippet> Snippets);

public sealed record Snippet(string Language, string Code);
