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
    /// <summary>The status of a Cucumber Messages step result.</summary>
    public static TestStatus From(Io.Cucumber.Messages.Types.TestStepResultStatus status) => status switch
    {
        Io.Cucumber.Messages.Types.TestStepResultStatus.PASSED => TestStatus.Passed,
        Io.Cucumber.Messages.Types.TestStepResultStatus.SKIPPED => TestStatus.Skipped,
        Io.Cucumber.Messages.Types.TestStepResultStatus.PENDING => TestStatus.Pending,
        Io.Cucumber.Messages.Types.TestStepResultStatus.UNDEFINED => TestStatus.Undefined,
        Io.Cucumber.Messages.Types.TestStepResultStatus.AMBIGUOUS => TestStatus.Ambiguous,
        Io.Cucumber.Messages.Types.TestStepResultStatus.FAILED => TestStatus.Failed,
        _ => TestStatus.Unknown,
    };

    /// <summary>Parses a status as the protocol spells it ("PASSED", ...; the report's data-status); anything unrecognised is Unknown.</summary>
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
