namespace Alpy.Runner.Messages;

/// <summary>The statuses of a step, hook or scenario, in the order of their severity for a scenario.</summary>
public static class TestStepResultStatus
{
    public const string Unknown = "UNKNOWN";
    public const string Passed = "PASSED";
    public const string Skipped = "SKIPPED";
    public const string Pending = "PENDING";
    public const string Undefined = "UNDEFINED";
    public const string Ambiguous = "AMBIGUOUS";
    public const string Failed = "FAILED";
}
