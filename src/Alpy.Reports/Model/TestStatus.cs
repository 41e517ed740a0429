namespace Alpy.Reports.Model;

/// <summary>
/// A step's or scenario's status, in Cucumber's order of severity: a scenario has the status of its
/// worst step (Unknown &lt; Passed &lt; Skipped &lt; Pending &lt; Undefined &lt; Ambiguous &lt; Failed).
/// Unknown also means "did not run".
/// </summary>
public enum TestStatus
{
    Unknown,
    Passed,
    Skipped,
    Pending,
    Undefined,
    Ambiguous,
    Failed,
}

public static class TestStatusExtensions
{
    /// <summary>Parses a protocol status ("PASSED", ...); anything unrecognised is Unknown.</summary>
    public static TestStatus Parse(string? status) => status switch
    {
        "PASSED" => TestStatus.Passed,
        "SKIPPED" => TestStatus.Skipped,
        "PENDING" => TestStatus.Pending,
        "UNDEFINED" => TestStatus.Undefined,
        "AMBIGUOUS" => TestStatus.Ambiguous,
        "FAILED" => TestStatus.Failed,
        _ => TestStatus.Unknown,
    };

    /// <summary>
    /// What CI sees. Strict, as Cucumber's JUnit formatter: a pending, undefined or ambiguous scenario
    /// is not done, so it fails; a skipped or unrun one is skipped.
    /// </summary>
    public static ScenarioOutcome ToOutcome(this TestStatus status) => status switch
    {
        TestStatus.Passed => ScenarioOutcome.Passed,
        TestStatus.Skipped or TestStatus.Unknown => ScenarioOutcome.Skipped,
        _ => ScenarioOutcome.Failed,
    };

    /// <summary>Lower-case word for people ("passed", "not run").</summary>
    public static string ToWord(this TestStatus status) =>
        status == TestStatus.Unknown ? "not run" : status.ToString().ToLowerInvariant();
}
