using Alpy.Reports;
using Alpy.Reports.Merge;

namespace Alpy.Cli.Running;

/// <summary>
/// One `dotnet test` of the suite (or of one shard: its whole features, selected by their titles), showing one line per
/// scenario as the test runner reports it; the report is made afterwards from the Reqnroll message stream, which the
/// run writes where `--messages` says (Reqnroll's REQNROLL_FORMATTERS_MESSAGE override of reqnroll.json).
/// </summary>
internal sealed class SuiteRun(CliConsole console, string runId, ShardSpec? shard, SuiteRunOptions options)
{
    public string LogPath => Path.Combine(options.Results, "specs.log");

    /// <summary>Runs the suite; returns dotnet test's exit code. A run that wrote no stream is a <see cref="ReportException"/>.</summary>
    /// <exception cref="FormatException">The shard cannot be planned (more shards than features, features sharing a title).</exception>
    /// <exception cref="ArgumentException">The features folder is missing or a feature does not parse.</exception>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var features = Features(options.Features);
        var selected = shard is { } spec ? ShardPlanner.Select(features, spec) : features;
        var filter = shard is null ? options.Filter : TestFilter.ForFeatures(features, selected, options.Filter);
        int? expected = options.Filter is null ? selected.Sum(f => f.Scenarios) : null;

        // A stream left by an earlier run would be reported as this run's if this one wrote none.
        var messages = Path.GetFullPath(options.Messages);
        if (File.Exists(messages))
            File.Delete(messages);

        var arguments = new List<string>
        {
            "test", options.Project, "-nologo", "--configuration", options.Configuration,
            "--logger", "console;verbosity=normal", "--logger", "trx;LogFileName=specs.trx", "--results-directory", options.Results,
        };
        if (options.NoBuild)
            arguments.Add("--no-build");
        if (filter is not null)
            arguments.AddRange(["--filter", filter]);

        var environment = new Dictionary<string, string>
        {
            [ReportRequest.RunIdEnvironmentVariable] = runId,
            ["REQNROLL_FORMATTERS_MESSAGE"] = $"outputFilePath={messages}",
        };
        var what = shard is { } sh ? $", shard {sh} ({string.Join(", ", selected.Select(f => f.Uri))})" : "";
        console.Line($"alpy run: run {runId}{what}: dotnet {string.Join(' ', arguments)}");

        var progress = new TestProgress(expected);
        var gate = new object();
        int exit;
        using (var test = TestProcess.Start(arguments, environment, LogPath, line =>
               {
                   lock (gate)
                   {
                       if (progress.Add(line) is { } text)
                           console.Line(text);
                   }
               }))
        {
            await using (TestHostWatch.Start(messages, runId, text => console.Error.WriteLine($"alpy run: {text}")))
                exit = await test.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!File.Exists(messages))
            {
                throw new ReportException(
                    $"dotnet test exited with {exit} and wrote no message stream at {messages} (after {progress.Describe()}). " +
                    $"Last lines of {LogPath}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", test.Tail)}");
            }
        }

        if (expected is { } planned && progress.Finished != planned)
        {
            await console.Error.WriteLineAsync($"alpy run: the run reported {progress.Describe()}, but its features hold {planned}; see {LogPath}.").ConfigureAwait(false);
            return exit == 0 ? 1 : exit;
        }

        return exit;
    }

    /// <summary>Every <c>*.feature</c> under <paramref name="folder"/>, named as Reqnroll names them (features/x.feature).</summary>
    /// <exception cref="ArgumentException">The folder is missing or holds no feature (bad input: exit 2).</exception>
    private static IReadOnlyList<PlannedFeature> Features(string folder)
    {
        if (!Directory.Exists(folder))
            throw new ArgumentException($"There is no features folder at {Path.GetFullPath(folder)}; pass the suite's features with --features.");
        var files = Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0
            ? ShardPlanner.Read(files, Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd('/'))!)
            : throw new ArgumentException($"{Path.GetFullPath(folder)} holds no feature file; pass the suite's features with --features.");
    }
}
