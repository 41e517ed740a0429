namespace Alpy.Reports.Model;

/// <summary>The verdict on a whole run.</summary>
public enum RunStatus
{
    /// <summary>Complete, and every scenario passed or was skipped, and the runner said success.</summary>
    Passed,

    /// <summary>Complete, with failures (a scenario, a test-run hook, or the runner itself).</summary>
    Failed,

    /// <summary>The stream ends before testRunFinished: whatever it says is not the whole run.</summary>
    Incomplete,
}
