namespace Alpy.Cli;

/// <summary>What the alpy command's exit code means (documented in docs/reports.md).</summary>
internal static class ExitCodes
{
    /// <summary>Everything passed (skipped scenarios allowed).</summary>
    public const int Passed = 0;

    /// <summary>Something failed: a scenario, a test, a test-run hook, or the runner.</summary>
    public const int Failed = 1;

    /// <summary>Bad input or usage: a missing or corrupt stream, a bad option value, an unwritable folder.</summary>
    public const int BadInput = 2;

    /// <summary>The run is incomplete (cut short): its report is marked so; treat as a failure.</summary>
    public const int Incomplete = 3;

    /// <summary>A bug in alpy itself (an unexpected exception).</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl-C / SIGTERM).</summary>
    public const int Canceled = 130;
}
