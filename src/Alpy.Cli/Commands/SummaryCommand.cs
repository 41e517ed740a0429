using System.CommandLine;
using Alpy.Cli.Rendering;
using Alpy.Reports;
using Alpy.Reports.Index;
using Alpy.Reports.Messages;
using Alpy.Reports.Model;
using Alpy.Reports.Trx;

namespace Alpy.Cli.Commands;

/// <summary>
/// `alpy summary`: the one-screen summary of a run (its stream or its run folder, default reports/latest),
/// and/or the totals of TRX files. The last line is always "N passed, N failed[, N skipped]"; with TRX
/// files it totals them (the test command's closing line), otherwise the run's scenarios.
/// </summary>
internal static class SummaryCommand
{
    public static Command Create(CliConsole console)
    {
        var messages = new Option<string?>("--messages") { Description = "A run's message stream (NDJSON) to summarise." };
        var runDirectory = new Option<string?>("--run-dir") { Description = "A run folder written by alpy report (default reports/latest when neither this nor --messages nor --trx is given)." };
        var trx = new Option<string[]>("--trx")
        {
            Description = "TRX files, or folders holding them (dotnet test --logger trx); the closing line totals them.",
            AllowMultipleArgumentsPerToken = true,
        };
        var expected = new Option<int?>("--expect-trx") { Description = "How many TRX files there must be (one per test project); fewer counts each missing one as a failure." };
        var maxFailures = new Option<int>("--max-failures") { Description = "Failures listed (the report lists all).", DefaultValueFactory = _ => 8 };
        var command = new Command("summary", "Print a run's one-screen summary and/or the totals of TRX files, ending with 'N passed, N failed[, N skipped]'.")
        {
            messages, runDirectory, trx, expected, maxFailures,
        };
        command.SetAction((parse, cancellationToken) => CommandAction.RunAsync(console, "summary", async () =>
        {
            var trxInputs = parse.GetValue(trx) ?? [];
            var stream = parse.GetValue(messages);
            var folder = parse.GetValue(runDirectory);
            if (stream is null && folder is null && trxInputs.Length == 0)
            {
                folder = Path.Combine("reports", "latest");
            }

            var exit = ExitCodes.Passed;
            if (stream is not null || folder is not null)
            {
                var path = stream ?? Path.Combine(folder!, RunFolderLayout.Messages);
                var run = await RunResultBuilder.ReadAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
                var index = folder is null ? null : Path.Combine(folder, RunFolderLayout.Index);
                new SummaryRenderer(console).Render(run, folder is null ? null : Path.GetFileName(Path.GetFullPath(folder)), index,
                    parse.GetValue(maxFailures), closingLine: trxInputs.Length == 0);
                exit = ReportVerdict.ExitCode(run);
            }

            if (trxInputs.Length > 0)
            {
                var results = TrxReader.ReadAll(trxInputs);
                var missing = Math.Max(0, (parse.GetValue(expected) ?? results.Count) - results.Count);
                var totals = new TrxRenderer(console).Render(results, parse.GetValue(maxFailures), missing);
                exit = totals.Failed > 0 ? ExitCodes.Failed : exit;
            }

            return exit;
        }));
        return command;
    }

}
