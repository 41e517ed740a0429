using System.Text;
using static Alpy.Reports.Index.Html;

namespace Alpy.Reports.Index;

/// <summary>reports/index.html: every run in reports/runs/, newest first, with its verdict and totals.</summary>
internal static class ReportsIndexPage
{
    public static string Render(IReadOnlyList<RunSummary> runs, string? latestRunId)
    {
        var page = Page("Alpy.Specs · runs");
        page.Append("<h1>Alpy.Specs · runs</h1>\n");
        if (runs.FirstOrDefault(r => r.RunId == latestRunId) is { } latest)
        {
            page.Append("<p class=\"closing\">Latest: <a href=\"").Append(Href($"runs/{latest.RunId}/index.html")).Append("\">")
                .Append(E(latest.RunId)).Append("</a> <span class=\"badge ").Append(E(latest.Status)).Append("\">")
                .Append(E(latest.Status.ToUpperInvariant())).Append("</span> ").Append(E(latest.Totals.ToClosingLine())).Append("</p>\n");
        }

        page.Append("<table>\n<tr><th>run</th><th>status</th><th>result</th><th>scenarios</th><th>started</th><th>took</th></tr>\n");
        foreach (var run in runs)
        {
            AppendRun(page, run);
        }

        page.Append("</table>\n");
        return page.Append(EndPage).ToString();
    }

    private static void AppendRun(StringBuilder page, RunSummary run)
    {
        page.Append("<tr><td><a href=\"").Append(Href($"runs/{run.RunId}/index.html")).Append("\">").Append(E(run.RunId))
            .Append("</a></td><td><span class=\"badge ").Append(E(run.Status)).Append("\">").Append(E(run.Status)).Append("</span></td><td>")
            .Append(E(run.Totals.ToClosingLine())).Append("</td><td>").Append(E(run.Scenarios)).Append("</td><td>")
            .Append(E(Time(run.StartedAt))).Append("</td><td>")
            .Append(E(Duration(run.DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null))).Append("</td></tr>\n");
    }
}
