using Alpy.Reports;
using Alpy.Reports.Merge;

namespace Alpy.Cli.Running;

/// <summary>One `dotnet test` of the suite with progress from its message stream; the report is made afterwards.</summary>
internal sealed class SuiteRun(CliConsole console, string runId, ShardSpec? shard, SuiteRunOptions options)
{
    public string LogPath => Path.Combine(options.Results, "specs.log");

    /// <summary>Runs the suite; returns dotnet test's exit code. A run that wrote no stream is a <see cref="ReportException"/>.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        // A stream left by an earlier run would show its progress and, if this run writes none, its results.
        if (File.Exists(options.Messages))
        {
            File.Delete(options.Messages);
        }

        var arguments = new List<string>
        {
            "test", options.Project, "-nologo", "--configuration", options.Configuration,
            "--logger", "trx;LogFileName=specs.trx", "--results-directory", options.Results,
        };
        if (options.NoBuild)
        {
            arguments.Add("--no-build");
        }

        if (options.Filter is { } filter)
        {
            arguments.AddRange(["--filter", filter]);
        }

        var environment = new Dictionary<string, string> { [ReportRequest.RunIdEnvironmentVariable] = runId };
        if (shard is { } s)
        {
            environment["ALPY_SHARD"] = s.ToString();
        }

        console.Line($"alpy run: run {runId}{(shard is { } sh ? $", shard {sh}" : "")}: dotnet {string.Join(' ', arguments)}");
        using var test = TestProcess.Start(arguments, environment, LogPath);
        var progress = new RunProgress();
        var follower = new StreamFollower(options.Messages, TimeSpan.FromMilliseconds(250));
        var display = new ProgressDisplay(console, TimeSpan.FromSeconds(5));
        var exit = await display.RunAsync("Running the suite", () => Describe(progress), async () =>
        {
            var following = Task.Run(async () =>
            {
                await foreach (var envelope in follower.FollowAsync(() => test.HasExited, cancellationToken).ConfigureAwait(false))
                {
                    progress.Add(envelope);
                }
            }, cancellationToken);
            var code = await test.WaitAsync(cancellationToken).ConfigureAwait(false);
            await following.ConfigureAwait(false);
            return code;
        }).ConfigureAwait(false);

        if (!File.Exists(options.Messages))
        {
            throw new ReportException(
                $"dotnet test exited with {exit} and wrote no message stream at {options.Messages}. Check formatters.message.outputFilePath in reqnroll.json " +
                $"(or pass --messages). Last lines of {LogPath}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", test.Tail)}");
        }

        return exit;
    }

    private static string Describe(RunProgress progress) =>
        progress.Scenarios == 0 && progress.Current is null ? "building and starting the test host" : progress.Describe();
}
