namespace Alpy.Reports.Model;

/// <summary>The three outcomes CI servers and test commands count.</summary>
public enum ScenarioOutcome
{
    Passed,
    Failed,
    Skipped,
}
