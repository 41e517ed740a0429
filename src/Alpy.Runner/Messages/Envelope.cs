namespace Alpy.Runner.Messages;

/// <summary>
/// One line of a Cucumber Messages NDJSON stream: exactly one of its properties is set (setting a
/// second replaces the first). The
/// types in this namespace follow the Cucumber Messages schema (protocol 30+), property for property.
/// </summary>
public sealed record Envelope
{
    // The one message, in one field: a run makes two envelopes per step, and twenty reference
    // fields (nineteen of them null) were over a fifth of what a step allocated.
    private object? message;

    public Meta? Meta
    {
        get => message as Meta;
        init => Set(value);
    }

    public Source? Source
    {
        get => message as Source;
        init => Set(value);
    }

    public GherkinDocument? GherkinDocument
    {
        get => message as GherkinDocument;
        init => Set(value);
    }

    public ParseError? ParseError
    {
        get => message as ParseError;
        init => Set(value);
    }

    public Pickle? Pickle
    {
        get => message as Pickle;
        init => Set(value);
    }

    public ParameterTypeMessage? ParameterType
    {
        get => message as ParameterTypeMessage;
        init => Set(value);
    }

    public UndefinedParameterType? UndefinedParameterType
    {
        get => message as UndefinedParameterType;
        init => Set(value);
    }

    public StepDefinition? StepDefinition
    {
        get => message as StepDefinition;
        init => Set(value);
    }

    public Hook? Hook
    {
        get => message as Hook;
        init => Set(value);
    }

    public TestRunStarted? TestRunStarted
    {
        get => message as TestRunStarted;
        init => Set(value);
    }

    public TestRunHookStarted? TestRunHookStarted
    {
        get => message as TestRunHookStarted;
        init => Set(value);
    }

    public TestRunHookFinished? TestRunHookFinished
    {
        get => message as TestRunHookFinished;
        init => Set(value);
    }

    public TestCase? TestCase
    {
        get => message as TestCase;
        init => Set(value);
    }

    public TestCaseStarted? TestCaseStarted
    {
        get => message as TestCaseStarted;
        init => Set(value);
    }

    public TestStepStarted? TestStepStarted
    {
        get => message as TestStepStarted;
        init => Set(value);
    }

    public Attachment? Attachment
    {
        get => message as Attachment;
        init => Set(value);
    }

    public Suggestion? Suggestion
    {
        get => message as Suggestion;
        init => Set(value);
    }

    public TestStepFinished? TestStepFinished
    {
        get => message as TestStepFinished;
        init => Set(value);
    }

    public TestCaseFinished? TestCaseFinished
    {
        get => message as TestCaseFinished;
        init => Set(value);
    }

    public TestRunFinished? TestRunFinished
    {
        get => message as TestRunFinished;
        init => Set(value);
    }

    // A null leaves the message alone, so that "absent" and "null" read alike (JSON readers set both).
    private void Set(object? value)
    {
        if (value is not null)
        {
            message = value;
        }
    }
}
