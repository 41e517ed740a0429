using Alpy.Runner.Messages;

namespace Alpy.Runner.Execution;

/// <summary>Ranks statuses so a scenario takes the worst of its steps.</summary>
internal static class StepStatus
{
    public static int Rank(string status) => status switch
    {
        TestStepResultStatus.Passed => 0,
        TestStepResultStatus.Skipped => 1,
        TestStepResultStatus.Pending => 2,
        TestStepResultStatus.Undefined => 3,
        TestStepResultStatus.Ambiguous => 4,
        TestStepResultStatus.Failed => 5,
        _ => 1,
    };

    public static string Worst(string a, string b) => Rank(b) > Rank(a) ? b : a;

    /// <summary>Whether a run with this scenario status is still a success (Cucumber's strict rule: pending is not).</summary>
    public static bool IsSuccess(string status) => status is TestStepResultStatus.Passed or TestStepResultStatus.Skipped;

    /// <summary>The status an exception from step or hook code stands for.</summary>
    public static string Of(Exception exception) => exception switch
    {
        PendingStepException => TestStepResultStatus.Pending,
        SkipScenarioException => TestStepResultStatus.Skipped,
        _ when IsXunitSkip(exception) => TestStepResultStatus.Skipped,
        _ => TestStepResultStatus.Failed,
    };

    /// <summary>xUnit v3's Assert.Skip throws an exception whose message starts with this marker.</summary>
    public static bool IsXunitSkip(Exception exception) => exception.Message.StartsWith(XunitSkipMarker, StringComparison.Ordinal);

    public const string XunitSkipMarker = "$XunitDynamicSkip$";

    /// <summary>The message a status shows in the stream, when there is one to show.</summary>
    public static string? MessageOf(Exception exception) => exception switch
    {
        PendingStepException pending => pending.HasCustomMessage ? pending.Message : null,
        SkipScenarioException skip => skip.Reason,
        _ when IsXunitSkip(exception) => exception.Message[XunitSkipMarker.Length..],
        _ => exception.Message,
    };
}
