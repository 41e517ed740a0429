namespace Alpy.Runner.Messages;

/// <summary>
/// One line of a Cucumber Messages NDJSON stream: exactly one of its properties is set. The
/// types in this namespace follow the Cucumber Messages schema (protocol 30+), property for property.
/// </summary>
public sealed record Envelope
{
    public Meta? Meta { get; init; }

    public Source? Source { get; init; }

    public GherkinDocument? GherkinDocument { get; init; }

    public ParseError? ParseError { get; init; }

    public Pickle? Pickle { get; init; }

    public ParameterTypeMessage? ParameterType { get; init; }

    public UndefinedParameterType? UndefinedParameterType { get; init; }

    public StepDefinition? StepDefinition { get; init; }

    public Hook? Hook { get; init; }

    public TestRunStarted? TestRunStarted { get; init; }

    public TestRunHookStarted? TestRunHookStarted { get; init; }

    public TestRunHookFinished? TestRunHookFinished { get; init; }

    public TestCase? TestCase { get; init; }

    public TestCaseStarted? TestCaseStarted { get; init; }

    public TestStepStarted? TestStepStarted { get; init; }

    public Attachment? Attachment { get; init; }

    public Suggestion? Suggestion { get; init; }

    public TestStepFinished? TestStepFinished { get; init; }

    public TestCaseFinished? TestCaseFinished { get; init; }

    public TestRunFinished? TestRunFinished { get; init; }
}
