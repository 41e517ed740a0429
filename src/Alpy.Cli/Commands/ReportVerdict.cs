using Alpy.Reports;
using Alpy.Reports.Model;
using Alpy.Cli.Rendering;

namespace Alpy.Cli.Commands;

/// <summary>After a report is written: warnings, the one-screen summary, and the exit code for the run's verdict.</summary>
internal static class ReportVerdict
{
    public static async Task<int> ShowAsync(CliConsole console, string command, ReportResult result, int maxFailures)
    {
        foreach (var warning in result.Warnings)
        {
            await console.Error.WriteLineAsync($"alpy {command}: warning: {warning}").ConfigureAwait(false);
        }

        new SummaryRenderer(console).Render(result.Run, result.Summary.RunId, result.IndexPath, maxFailures, result.Shards);
        if (result.Run.Status == RunStatus.Incomplete)
        {
            await console.Error.WriteLineAsync(
                $"alpy {command}: the run is INCOMPLETE (its stream ends before testRunFinished); the report says so on every page.").ConfigureAwait(false);
        }

        return ExitCode(result.Run);
    }

    public static int ExitCode(RunResult run) => run.Status switch
    {
        RunStatus.Passed => ExitCodes.Passed,
        RunStatus.Incomplete => ExitCodes.Incomplete,
        _ => ExitCodes.Failed,
    };
}
