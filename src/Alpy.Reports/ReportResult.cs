using Alpy.Reports.Index;
using Alpy.Reports.Merge;
using Alpy.Reports.Model;

namespace Alpy.Reports;

/// <summary>A written report: the analysed run and where everything is.</summary>
public sealed record ReportResult
{
    public required RunResult Run { get; init; }

    public required RunSummary Summary { get; init; }

    public required string RunDirectory { get; init; }

    public string IndexPath => Path.Combine(RunDirectory, RunFolderLayout.Index);

    public string HtmlPath => Path.Combine(RunDirectory, RunFolderLayout.Html);

    public string JUnitPath => Path.Combine(RunDirectory, RunFolderLayout.JUnit);

    public string MessagesPath => Path.Combine(RunDirectory, RunFolderLayout.Messages);

    /// <summary>The shards merged into this report (empty for a single stream).</summary>
    public IReadOnlyList<ShardInfo> Shards { get; init; } = [];

    /// <summary>Evidence or timings that could not be used, and other things worth knowing.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
