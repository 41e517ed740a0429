namespace Alpy.Reports.Model;

/// <summary>Passed/failed/skipped counts, and the closing line every test command ends with.</summary>
public sealed record OutcomeTotals(int Passed, int Failed, int Skipped)
{
    public static OutcomeTotals Zero { get; } = new(0, 0, 0);

    public int Total => Passed + Failed + Skipped;

    public static OutcomeTotals operator +(OutcomeTotals a, OutcomeTotals b) =>
        new(a.Passed + b.Passed, a.Failed + b.Failed, a.Skipped + b.Skipped);

    public static OutcomeTotals Count(IEnumerable<ScenarioOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int passed = 0, failed = 0, skipped = 0;
        foreach (var outcome in outcomes)
        {
            switch (outcome)
            {
                case ScenarioOutcome.Passed: passed++; break;
                case ScenarioOutcome.Failed: failed++; break;
                default: skipped++; break;
            }
        }

        return new(passed, failed, skipped);
    }

    /// <summary>"N passed, N failed", plus ", N skipped" when something was skipped.</summary>
    public string ToClosingLine() =>
        Skipped > 0 ? $"{Passed} passed, {Failed} failed, {Skipped} skipped" : $"{Passed} passed, {Failed} failed";

    public override string ToString() => ToClosingLine();
}
