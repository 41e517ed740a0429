namespace Alpy.Reports.Model;

/// <summary>How many scenarios (or steps) ended in each status.</summary>
public sealed record StatusCounts(int Passed, int Failed, int Ambiguous, int Undefined, int Pending, int Skipped, int NotRun)
{
    public int Total => Passed + Failed + Ambiguous + Undefined + Pending + Skipped + NotRun;

    public int this[TestStatus status] => status switch
    {
        TestStatus.Passed => Passed,
        TestStatus.Failed => Failed,
        TestStatus.Ambiguous => Ambiguous,
        TestStatus.Undefined => Undefined,
        TestStatus.Pending => Pending,
        TestStatus.Skipped => Skipped,
        _ => NotRun,
    };

    public static StatusCounts Count(IEnumerable<TestStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var n = new int[Enum.GetValues<TestStatus>().Length];
        foreach (var status in statuses)
        {
            n[(int)status]++;
        }

        return new(n[(int)TestStatus.Passed], n[(int)TestStatus.Failed], n[(int)TestStatus.Ambiguous],
            n[(int)TestStatus.Undefined], n[(int)TestStatus.Pending], n[(int)TestStatus.Skipped], n[(int)TestStatus.Unknown]);
    }

    /// <summary>Non-zero counts in severity order, e.g. "2 failed, 1 undefined, 37 passed".</summary>
    public string Describe()
    {
        var parts = new[] { TestStatus.Failed, TestStatus.Ambiguous, TestStatus.Undefined, TestStatus.Pending, TestStatus.Skipped, TestStatus.Unknown, TestStatus.Passed }
            .Where(s => this[s] > 0)
            .Select(s => $"{this[s]} {s.ToWord()}");
        return string.Join(", ", parts) is { Length: > 0 } text ? text : "none";
    }
}
