using System.CommandLine;
using Alpy.Cli.Running;
using Alpy.Reports;
using Alpy.Reports.Merge;

namespace Alpy.Cli.Commands;

/// <summary>
/// `alpy run`: runs the suite with `dotnet test` (optionally one shard of it: whole features, balanced by scenario
/// count), shows one line per scenario as it finishes, then writes the report from Reqnroll's message stream and
/// prints the one-screen summary.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var project = new Option<string>("--project") { Description = "The suite's test project.", DefaultValueFactory = _ => "src/Alpy.Specs" };
        var features = new Option<string>("--features") { Description = "The suite's feature files (to plan shards and count scenarios).", DefaultValueFactory = _ => "features" };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of N (e.g. 2/4): whole features, balanced by scenario count." };
        var filter = new Option<string?>("--filter") { Description = "dotnet test filter, e.g. \"Category=smoke\"." };
        var messages = new Option<string>("--messages")
        {
            Description = "Where Reqnroll writes the message stream (given to it as REQNROLL_FORMATTERS_MESSAGE; reqnroll.json's path is not used).",
            DefaultValueFactory = _ => "reports/messages.ndjson",
        };
        var results = new Option<string>("--results") { Description = "Folder for the TRX file and the dotnet test log.", DefaultValueFactory = _ => "reports/tests" };
        var noBuild = new Option<bool>("--no-build") { Description = "Do not build the suite first (it was built already)." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "Build configuration of the suite.", DefaultValueFactory = _ => "Debug" };
        var options = new ReportOptions();
        var command = new Command("run", "Run the suite (or one shard), showing progress, then write its report and print its summary.")
        {
            project, features, shard, filter, messages, results, noBuild, configuration,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandAction.RunAsync(console, "run", async () =>
        {
            var shardSpec = parse.GetValue(shard) is { } text ? ShardSpec.Parse(text) : (ShardSpec?)null;
            var request = options.ToRequest(parse, [parse.GetValue(messages)!]);
            var runId = request.RunId ?? Environment.GetEnvironmentVariable(ReportRequest.RunIdEnvironmentVariable) ?? ReportBuilder.NewRunId();
            request = request with { RunId = runId };
            var run = new SuiteRun(console, runId, shardSpec, new SuiteRunOptions
            {
                Project = parse.GetValue(project)!,
                Features = parse.GetValue(features)!,
                Filter = parse.GetValue(filter),
                Messages = parse.GetValue(messages)!,
                Results = parse.GetValue(results)!,
                NoBuild = parse.GetValue(noBuild),
                Configuration = parse.GetValue(configuration)!,
            });
            var testExit = await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);

            var result = await new ReportBuilder().BuildAsync(request, cancellationToken).ConfigureAwait(false);
            var verdict = await ReportVerdict.ShowAsync(console, "run", result, parse.GetValue(options.MaxFailures)).ConfigureAwait(false);
            if (testExit != 0 && verdict == ExitCodes.Passed)
            {
                await console.Error.WriteLineAsync($"alpy run: dotnet test exited with {testExit} although every scenario passed; see {run.LogPath}.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            return verdict;
        }));
        return command;
    }
}
