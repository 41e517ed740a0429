namespace Alpy.Reports.Messages;

/// <summary>Envelope kinds of the Cucumber Messages protocol, as they are spelled in a stream (for the JSON view, <see cref="Envelope"/>).</summary>
internal static class MessageKinds
{
    public const string Meta = "meta";
    public const string Source = "source";
    public const string GherkinDocument = "gherkinDocument";
    public const string Pickle = "pickle";
    public const string StepDefinition = "stepDefinition";
    public const string Hook = "hook";
    public const string ParameterType = "parameterType";
    public const string UndefinedParameterType = "undefinedParameterType";
    public const string ParseError = "parseError";
    public const string TestRunStarted = "testRunStarted";
    public const string TestCase = "testCase";
    public const string TestCaseStarted = "testCaseStarted";
    public const string TestStepStarted = "testStepStarted";
    public const string TestStepFinished = "testStepFinished";
    public const string TestCaseFinished = "testCaseFinished";
    public const string TestRunHookStarted = "testRunHookStarted";
    public const string TestRunHookFinished = "testRunHookFinished";
    public const string Attachment = "attachment";
    public const string Suggestion = "suggestion";
    public const string TestRunFinished = "testRunFinished";

    /// <summary>
    /// Kinds that describe the suite rather than one execution of it. Shards of one suite repeat them,
    /// so a merge keeps one copy of each; everything else belongs to one shard's execution.
    /// </summary>
    public static bool IsDefinition(string kind) => kind is Meta or Source or GherkinDocument or Pickle
        or StepDefinition or Hook or ParameterType or UndefinedParameterType or ParseError;
}
