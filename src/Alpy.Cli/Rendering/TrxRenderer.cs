using Alpy.Reports.Model;
using Alpy.Reports.Trx;
using Spectre.Console;

namespace Alpy.Cli.Rendering;

/// <summary>Totals of several test projects' TRX files, one line each, then the closing line over all of them.</summary>
internal sealed class TrxRenderer(CliConsole console)
{
    public OutcomeTotals Render(IReadOnlyList<TrxResult> results, int maxFailures, int missingProjects = 0)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new Table().Border(TableBorder.Simple).AddColumn("test results").AddColumn("passed").AddColumn("failed").AddColumn("skipped");
        foreach (var result in results)
        {
            var failed = result.Totals.Failed > 0 ? $"[red]{result.Totals.Failed}[/]" : "0";
            table.AddRow(Markup.Escape(Path.GetFileNameWithoutExtension(result.Path)), result.Totals.Passed.ToString(), failed, result.Totals.Skipped.ToString());
        }

        console.Out.Write(table);
        foreach (var result in results)
        {
            foreach (var error in result.RunErrors)
            {
                console.Out.MarkupLine($"[red]![/] {Markup.Escape(Path.GetFileName(result.Path))}: {Markup.Escape(FailureText.FirstLine(error) ?? error)}");
            }

            foreach (var name in result.Failures.Take(maxFailures))
            {
                console.Out.MarkupLine($"  [red]✗[/] {Markup.Escape(name)} [grey]({Markup.Escape(Path.GetFileName(result.Path))})[/]");
            }

            if (result.Failures.Count > maxFailures)
            {
                console.Out.MarkupLine($"  … and {result.Failures.Count - maxFailures} more in {Markup.Escape(result.Path)}");
            }
        }

        if (missingProjects > 0)
        {
            console.Out.MarkupLine($"[red]![/] {missingProjects} test project(s) wrote no TRX file (crashed or did not start): each counts as 1 failed.");
        }

        var total = results.Aggregate(new OutcomeTotals(0, missingProjects, 0), (sum, r) => sum + r.Totals);
        console.Line(total.ToClosingLine());
        return total;
    }
}
