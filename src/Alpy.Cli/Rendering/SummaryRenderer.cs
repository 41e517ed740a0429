using Alpy.Reports.Merge;
using Alpy.Reports.Model;
using Spectre.Console;

namespace Alpy.Cli.Rendering;

/// <summary>
/// The one-screen summary a run ends with: verdict, totals, run-level problems, the failed scenarios
/// with their failing step and file:line, where the report is, and the closing line
/// "N passed, N failed[, N skipped]" (written verbatim, for scripts).
/// </summary>
internal sealed class SummaryRenderer(CliConsole console)
{
    public void Render(RunResult run, string? runId, string? indexPath, int maxFailures, IReadOnlyList<ShardInfo>? shards = null, bool closingLine = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        var output = console.Out;
        var (word, colour) = run.Status switch
        {
            RunStatus.Passed => ("PASSED", "green"),
            RunStatus.Failed => ("FAILED", "red"),
            _ => ("INCOMPLETE", "yellow"),
        };
        var title = runId is null ? "" : $"run {Markup.Escape(runId)} · ";
        output.Write(new Rule($"[bold]{title}[{colour}]{word}[/][/]").LeftJustified());

        var took = run.Duration is { } d ? $" [grey]({d.TotalSeconds:0.0} s)[/]" : "";
        output.MarkupLine($"Scenarios [bold]{run.ScenarioCounts.Total}[/]: {Markup.Escape(run.ScenarioCounts.Describe())}{took}");
        output.MarkupLine($"Steps     [bold]{run.StepCounts.Total}[/]: {Markup.Escape(run.StepCounts.Describe())}");
        foreach (var shard in shards ?? [])
        {
            var state = shard.Complete ? shard.Success ? "passed" : "failed" : "INCOMPLETE";
            output.MarkupLine($"  shard {shard.Number}: {shard.ScenariosRun} scenarios, {state} [grey]{Markup.Escape(shard.Path)}[/]");
        }

        foreach (var problem in run.Problems)
        {
            output.MarkupLine($"[red]![/] {Markup.Escape(problem)}");
        }

        RenderFailures(run, maxFailures);
        if (indexPath is not null)
        {
            output.MarkupLine($"Report    {Markup.Escape(Relative(indexPath))}");
        }

        if (closingLine)
        {
            console.Line(run.Totals.ToClosingLine());
        }
        else
        {
            output.MarkupLine($"Scenarios: {Markup.Escape(run.Totals.ToClosingLine())}");
        }
    }

    private void RenderFailures(RunResult run, int maxFailures)
    {
        var failed = run.FailedScenarios.ToList();
        if (failed.Count == 0)
        {
            return;
        }

        console.Out.MarkupLine("[bold]Failed scenarios[/]");
        foreach (var scenario in failed.Take(Math.Max(0, maxFailures)))
        {
            console.Out.MarkupLine($"  [red]✗[/] {Markup.Escape(scenario.DisplayName)} [grey]({Markup.Escape(scenario.Location.ToString())})[/]");
            console.Out.MarkupLine($"      {Markup.Escape(Truncate(FailureText.Headline(scenario), 300))}");
        }

        if (failed.Count > maxFailures)
        {
            console.Out.MarkupLine($"  … and {failed.Count - maxFailures} more: see the report.");
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
