namespace Alpy.Runner.Messages;

/// <summary>A step definition's expression as written.</summary>
public sealed record StepDefinitionPattern(string Source, string Type)
{
    public const string CucumberExpression = "CUCUMBER_EXPRESSION";
    public const string RegularExpression = "REGULAR_EXPRESSION";
}

public sealed record StepDefinition(string Id, StepDefinitionPattern Pattern, SourceReference SourceReference);

/// <summary>A hook; <see cref="Type"/> is one of the constants of <see cref="HookTypes"/>.</summary>
public sealed record Hook(string Id, string Type, SourceReference SourceReference)
{
    public string? Name { get; init; }

    public string? TagExpression { get; init; }
}

/// <summary>The schema's hook types.</summary>
public static class HookTypes
{
    public const string BeforeTestRun = "BEFORE_TEST_RUN";
    public const string AfterTestRun = "AFTER_TEST_RUN";
    public const string BeforeTestCase = "BEFORE_TEST_CASE";
    public const string AfterTestCase = "AFTER_TEST_CASE";
    public const string BeforeTestStep = "BEFORE_TEST_STEP";
    public const string AfterTestStep = "AFTER_TEST_STEP";
}

public sealed record ParameterTypeMessage(
    string Id,
    string Name,
    IReadOnlyList<string> RegularExpressions,
    bool PreferForRegularExpressionMatch,
    bool UseForSnippets,
    SourceReference SourceReference);

public sealed record UndefinedParameterType(string Expression, string Name);
