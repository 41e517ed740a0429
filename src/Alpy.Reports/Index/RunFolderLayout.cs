namespace Alpy.Reports.Index;

/// <summary>The names of what a report writes into a run folder (reports/runs/&lt;run id&gt;/).</summary>
public static class RunFolderLayout
{
    public const string Index = "index.html";
    public const string Html = "report.html";
    public const string Messages = "messages.ndjson";
    public const string JUnit = "junit.xml";
    public const string Artifacts = "artifacts";

    /// <summary>Files the report itself writes (everything else in the folder is the lab's evidence).</summary>
    public static IReadOnlySet<string> Own { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Index, Html, Messages, JUnit, RunSummary.FileName,
    };
}
