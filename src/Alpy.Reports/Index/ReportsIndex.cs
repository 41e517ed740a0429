using Alpy.Reports.IO;

namespace Alpy.Reports.Index;

/// <summary>
/// The reports folder's own entries: index.html listing every run in runs/, and <c>latest</c>, a
/// symbolic link to the newest run folder (replaced atomically, so it always points at a whole run).
/// </summary>
internal static class ReportsIndex
{
    public const string RunsFolder = "runs";
    public const string LatestLink = "latest";

    /// <summary>Points <c>latest</c> at the run, keeps the newest <paramref name="keepRuns"/> runs (0: all) and rewrites index.html.</summary>
    public static async Task<IReadOnlyList<string>> UpdateAsync(string reportsDirectory, string runId, int keepRuns, CancellationToken cancellationToken)
    {
        var warning = PointLatestAt(reportsDirectory, runId);
        var runs = new List<RunSummary>();
        var runsDirectory = Path.Combine(reportsDirectory, RunsFolder);
        foreach (var folder in Directory.EnumerateDirectories(runsDirectory))
        {
            if (await RunSummary.TryReadAsync(Path.Combine(folder, RunSummary.FileName), cancellationToken).ConfigureAwait(false) is { } summary
                && summary.RunId == Path.GetFileName(folder))
            {
                runs.Add(summary);
            }
        }

        var ordered = runs.OrderByDescending(r => r.GeneratedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal).ToList();
        var (kept, pruneWarnings) = await RunRetention.PruneAsync(runsDirectory, ordered, runId, keepRuns, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(reportsDirectory, "index.html"), ReportsIndexPage.Render(kept, runId), cancellationToken).ConfigureAwait(false);
        return [.. pruneWarnings, .. warning is null ? Array.Empty<string>() : [warning]];
    }

    private static string? PointLatestAt(string reportsDirectory, string runId)
    {
        var latest = Path.Combine(reportsDirectory, LatestLink);
        var existing = new DirectoryInfo(latest);
        if (existing.Exists && existing.LinkTarget is null)
        {
            return $"{latest} is a real folder, not a link; it was left alone, so it does not point at the newest run.";
        }

        var temporary = Path.Combine(reportsDirectory, $".{LatestLink}.{Environment.ProcessId}.{Guid.NewGuid():N}");
        try
        {
            Directory.CreateSymbolicLink(temporary, Path.Combine(RunsFolder, runId));
            Rename.Replace(temporary, latest);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            TryDelete(temporary);
            return $"Could not point {latest} at the newest run ({e.Message}); open reports/index.html instead.";
        }
    }

    private static void TryDelete(string link)
    {
        try
        {
            File.Delete(link);
        }
        catch (IOException)
        {
            // Nothing more to do: the name starts with '.' and says what it was.
        }
    }
}
