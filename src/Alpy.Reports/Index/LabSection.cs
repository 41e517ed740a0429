using System.Globalization;
using System.Text;
using Alpy.Reports.Model;
using static Alpy.Reports.Index.Html;

namespace Alpy.Reports.Index;

/// <summary>The index page's "Lab" section: each lab run's DUT, links, timings, errors and files, and the test-run hooks.</summary>
internal static class LabSection
{
    public static void Append(StringBuilder page, RunResult run, IReadOnlyList<LabRun> labs, IReadOnlyList<string> warnings, string runDirectory)
    {
        page.Append("<h2>Lab</h2>\n");
        foreach (var warning in warnings)
        {
            page.Append("<p class=\"none\">").Append(E(warning)).Append("</p>\n");
        }

        if (labs.Count == 0)
        {
            page.Append("<p class=\"none\">No lab run recorded timings for this run (no lab.json in this run folder, nor a lab run folder started during it).</p>\n");
        }

        foreach (var lab in labs)
        {
            AppendLabRun(page, lab, runDirectory);
        }

        if (run.TestRunHooks.Count > 0)
        {
            page.Append("<table>\n<tr><th>test-run hook</th><th>status</th><th>seconds</th><th>message</th></tr>\n");
            foreach (var hook in run.TestRunHooks)
            {
                page.Append("<tr><td>").Append(E(hook.Title)).Append("</td><td class=\"s-").Append(RunIndexPage.Slug(hook.Status)).Append("\">")
                    .Append(E(hook.Status.ToWord())).Append("</td><td class=\"n\">")
                    .Append(hook.Duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(E(FailureText.FirstLine(hook.Message))).Append("</td></tr>\n");
            }

            page.Append("</table>\n");
        }
    }

    private static void AppendLabRun(StringBuilder page, LabRun lab, string runDirectory)
    {
        var folder = Path.GetRelativePath(runDirectory, lab.Folder);
        page.Append("<h3>Lab run <a href=\"").Append(Href(folder == "." ? "./" : folder + "/")).Append("\"><code>")
            .Append(E(lab.RunId ?? Path.GetFileName(lab.Folder))).Append("</code></a></h3>\n<p class=\"meta\">");
        page.Append("<span>DUT ").Append(E(lab.Dut ?? "?")).Append("</span>");
        if (lab.Links is { } links)
        {
            page.Append("<span>").Append(links).Append(links == 1 ? " link" : " links").Append("</span>");
        }

        if (lab.Vlans is > 0)
        {
            page.Append("<span>").Append(lab.Vlans).Append(" VLANs</span>");
        }

        page.Append("<span>started ").Append(E(Time(lab.StartedAt))).Append("</span></p>\n");
        if (lab.Errors.Count > 0)
        {
            page.Append("<ul class=\"problems\">");
            foreach (var error in lab.Errors)
            {
                page.Append("<li>").Append(E(error)).Append("</li>");
            }

            page.Append("</ul>\n");
        }

        page.Append("<table>\n<tr><th>phase</th><th>ms</th></tr>\n");
        foreach (var phase in lab.BringUp)
        {
            page.Append("<tr><td>bring-up: ").Append(E(phase.Name)).Append("</td><td class=\"n\">").Append(Ms(phase.Ms)).Append("</td></tr>\n");
        }

        if (lab.MedianResetMs is { } median)
        {
            page.Append("<tr><td>DUT reset (median of ").Append(lab.ResetsMs.Count).Append(", slowest ").Append(Ms(lab.ResetsMs.Max()))
                .Append(" ms)</td><td class=\"n\">").Append(Ms(median)).Append("</td></tr>\n");
        }

        if (lab.Teardown.Count > 0)
        {
            page.Append("<tr><td>teardown (").Append(lab.Teardown.Count).Append(" steps)</td><td class=\"n\">").Append(Ms(lab.Teardown.Sum(t => t.Ms))).Append("</td></tr>\n");
        }

        page.Append("</table>\n");
        if (Path.GetFullPath(lab.Folder) != Path.GetFullPath(runDirectory))
        {
            EvidenceFiles.Append(page, lab.Folder, runDirectory, $"Evidence files of lab run {lab.RunId}");
        }
    }

    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture);
}
