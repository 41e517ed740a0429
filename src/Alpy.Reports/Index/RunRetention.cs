namespace Alpy.Reports.Index;

/// <summary>
/// Keeps the reports folder bounded: the newest <c>keep</c> report runs stay in <c>runs/</c>, older ones are deleted,
/// and so are the lab run folders (console logs, evidence, lab.json) that only older runs can show: those whose lab
/// started before the oldest kept run did (with the minute of slack that <see cref="LabRun.FindAsync"/> gives a run's
/// labs). A kept run therefore keeps every lab its index page links to. The run being written is always kept.
/// </summary>
internal static class RunRetention
{
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    /// <summary>Deletes what falls out; returns the kept runs (newest first) and a warning per folder that could not be deleted.</summary>
    public static async Task<(IReadOnlyList<RunSummary> Kept, IReadOnlyList<string> Warnings)> PruneAsync(
        string runsDirectory, IReadOnlyList<RunSummary> newestFirst, string currentRunId, int keep, CancellationToken cancellationToken)
    {
        if (keep <= 0 || newestFirst.Count <= keep)
            return (newestFirst, []);

        var kept = newestFirst.Take(keep).ToList();
        if (!kept.Any(r => r.RunId == currentRunId) && newestFirst.FirstOrDefault(r => r.RunId == currentRunId) is { } current)
            kept[^1] = current;
        var warnings = new List<string>();
        foreach (var old in newestFirst.Except(kept))
            TryDelete(Path.Combine(runsDirectory, old.RunId), warnings);

        var oldestKept = kept.Min(r => r.StartedAt ?? r.GeneratedAt) - Slack;
        var keptFolders = kept.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(runsDirectory))
        {
            var name = Path.GetFileName(folder);
            if (keptFolders.Contains(name) || File.Exists(Path.Combine(folder, RunSummary.FileName)))
                continue; // a report run (kept, or another report's being written)
            if (await LabStartedAsync(folder, cancellationToken).ConfigureAwait(false) is { } started && started < oldestKept)
                TryDelete(folder, warnings);
        }

        return (kept, warnings);
    }

    // A lab folder's start: from its lab.json; a lab killed before writing one is dated by the folder's last change.
    private static async Task<DateTimeOffset?> LabStartedAsync(string folder, CancellationToken cancellationToken)
    {
        var (lab, _) = await LabRun.ReadAsync(Path.Combine(folder, LabRun.FileName), cancellationToken).ConfigureAwait(false);
        if (lab?.StartedAt is { } started)
            return started;
        return File.Exists(Path.Combine(folder, LabRun.FileName)) ? null : new DateTimeOffset(Directory.GetLastWriteTimeUtc(folder), TimeSpan.Zero);
    }

    private static void TryDelete(string folder, List<string> warnings)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"Could not delete {folder}, which is older than the runs kept: {e.Message}");
        }
    }
}
