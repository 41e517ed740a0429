using System.Globalization;
using System.Text;
using Alpy.Reports.Model;
using static Alpy.Reports.Index.Html;

namespace Alpy.Reports.Index;

/// <summary>
/// The run folder's index.html: the verdict and totals at a glance, links to the living documentation,
/// the message stream, the JUnit XML and the evidence, the failed scenarios with their failing step,
/// the lab's timings and the files the lab left in the run folder.
/// </summary>
internal static class RunIndexPage
{
    public static string Render(RunResult run, RunSummary summary, IReadOnlyList<LabRun> labs, IReadOnlyList<string> labWarnings, string runDirectory, bool linkAllRuns)
    {
        var page = Page($"{summary.Title} · run {summary.RunId} · {summary.Status}");
        page.Append("<h1>").Append(E(summary.Title)).Append(" <span class=\"badge ").Append(summary.Status).Append("\">")
            .Append(E(summary.Status.ToUpperInvariant())).Append("</span></h1>\n");
        page.Append("<p class=\"meta\"><span>run <code>").Append(E(summary.RunId)).Append("</code></span><span>started ")
            .Append(E(Time(run.StartedAt))).Append("</span><span>took ").Append(E(Duration(run.Duration))).Append("</span>");
        if (run.Implementation is { } implementation)
        {
            page.Append("<span>").Append(E(implementation)).Append("</span>");
        }

        page.Append("</p>\n");
        AppendProblems(page, run.Problems);
        page.Append("<p class=\"closing\">").Append(E(summary.Totals.ToClosingLine())).Append("</p>\n");
        AppendLinks(page, runDirectory, linkAllRuns);
        AppendTotals(page, run);
        AppendFailures(page, run);
        LabSection.Append(page, run, labs, labWarnings, runDirectory);
        AppendFeatures(page, run);
        EvidenceFiles.Append(page, runDirectory, runDirectory, "Evidence files");
        page.Append("<p class=\"meta\">Generated ").Append(E(Time(summary.GeneratedAt))).Append(" by alpy report.</p>\n");
        return page.Append(EndPage).ToString();
    }

    private static void AppendProblems(StringBuilder page, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        page.Append("<ul class=\"problems\">\n");
        foreach (var problem in problems)
        {
            page.Append("<li>").Append(E(problem)).Append("</li>\n");
        }

        page.Append("</ul>\n");
    }

    private static void AppendLinks(StringBuilder page, string runDirectory, bool linkAllRuns)
    {
        var artifacts = Directory.Exists(Path.Combine(runDirectory, RunFolderLayout.Artifacts)) ? RunFolderLayout.Artifacts + "/" : "./";
        page.Append("<p class=\"links\">")
            .Append("<a href=\"").Append(Href(RunFolderLayout.Html)).Append("\">Living documentation (HTML report)</a>")
            .Append("<a href=\"").Append(Href(RunFolderLayout.JUnit)).Append("\">JUnit XML</a>")
            .Append("<a href=\"").Append(Href(RunFolderLayout.Messages)).Append("\">Cucumber Messages (NDJSON)</a>")
            .Append("<a href=\"").Append(Href(artifacts)).Append("\">Artifacts folder</a>")
            .Append("<a href=\"").Append(Href(RunSummary.FileName)).Append("\">summary.json</a>")
            .Append(linkAllRuns ? "<a href=\"../../index.html\">All runs</a>" : "")
            .Append("</p>\n");
    }

    private static void AppendTotals(StringBuilder page, RunResult run)
    {
        var scenarios = run.ScenarioCounts;
        var steps = run.StepCounts;
        page.Append("<h2>Totals</h2>\n<table>\n<tr><th></th><th>total</th>");
        var statuses = new[] { TestStatus.Passed, TestStatus.Failed, TestStatus.Ambiguous, TestStatus.Undefined, TestStatus.Pending, TestStatus.Skipped, TestStatus.Unknown };
        foreach (var status in statuses)
        {
            page.Append("<th>").Append(E(status.ToWord())).Append("</th>");
        }

        page.Append("</tr>\n");
        foreach (var (label, counts) in new[] { ("Scenarios", scenarios), ("Steps", steps) })
        {
            page.Append("<tr><th>").Append(label).Append("</th><td class=\"n\">").Append(counts.Total).Append("</td>");
            foreach (var status in statuses)
            {
                var n = counts[status];
                page.Append("<td class=\"n").Append(n > 0 ? $" s-{Slug(status)}" : "").Append("\">").Append(n).Append("</td>");
            }

            page.Append("</tr>\n");
        }

        page.Append("</table>\n");
    }

    private static void AppendFailures(StringBuilder page, RunResult run)
    {
        var failed = run.FailedScenarios.ToList();
        if (failed.Count == 0)
        {
            return;
        }

        // The report hides statuses named by ?hide=, so this opens it on everything that did not pass.
        page.Append("<h2>Failed scenarios</h2>\n<p class=\"links\"><a href=\"").Append(Href(RunFolderLayout.Html))
            .Append("?hide=passed\">Open the report on these scenarios only</a></p>\n");
        page.Append("<table>\n<tr><th>scenario</th><th>status</th><th>failing step</th></tr>\n");
        foreach (var scenario in failed)
        {
            page.Append("<tr><td>").Append(E(scenario.DisplayName)).Append("<br><code>").Append(E(scenario.Location.ToString()))
                .Append("</code></td><td class=\"s-").Append(Slug(scenario.Status)).Append("\">").Append(E(scenario.Status.ToWord()))
                .Append("</td><td>").Append(E(FailureText.Headline(scenario)));
            var evidence = scenario.AllAttachments.ToList();
            if (evidence.Count > 0)
            {
                page.Append("<br><span class=\"meta\">evidence: ").Append(evidence.Count).Append(" attachment")
                    .Append(evidence.Count == 1 ? "" : "s").Append(" in the HTML report</span>");
            }

            page.Append("</td></tr>\n");
        }

        page.Append("</table>\n");
    }

    private static void AppendFeatures(StringBuilder page, RunResult run)
    {
        page.Append("<h2>Features</h2>\n");
        if (run.Features.Count == 0)
        {
            page.Append("<p class=\"none\">No feature in this stream.</p>\n");
            return;
        }

        page.Append("<table>\n<tr><th>feature</th><th>file</th><th>scenarios</th><th>result</th><th>seconds</th></tr>\n");
        foreach (var feature in run.Features)
        {
            page.Append("<tr><td>").Append(E(feature.Name)).Append("</td><td><code>").Append(E(feature.Uri)).Append("</code></td><td class=\"n\">")
                .Append(feature.Scenarios.Count).Append("</td><td>").Append(E(feature.Counts.Describe())).Append("</td><td class=\"n\">")
                .Append(feature.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        page.Append("</table>\n");
    }

    internal static string Slug(TestStatus status) => status.ToWord().Replace(' ', '-');
}
