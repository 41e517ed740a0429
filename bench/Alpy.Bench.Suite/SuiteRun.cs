using Alpy.Reports.Messages;
using Alpy.Reports.Model;

namespace Alpy.Bench.Suite;

/// <summary>One run of the real suite (the built src/Alpy.Specs) in one lab mode, timed from process start to exit.</summary>
internal sealed record SuiteRun(string Mode, TimeSpan Wall, int ExitCode, RunResult Result, string Folder, IReadOnlyList<string> LeftBehind)
{
    /// <summary>Valid as a figure only when dotnet test succeeded, the stream is complete and every scenario passed.</summary>
    public bool IsValid => ExitCode == 0 && Result.Status == RunStatus.Passed && Result.Totals.Skipped == 0 && LeftBehind.Count == 0;

    public IReadOnlyList<ScenarioSplit> Scenarios { get; } = Result.Scenarios.Where(s => s.Ran).Select(ScenarioSplit.Of).ToList();

    /// <summary>dotnet test's own start and end, test discovery, the AfterTestRun teardown: the wall time no scenario accounts for.</summary>
    public TimeSpan OutsideScenarios => Wall - Scenarios.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Wall);

    /// <summary>
    /// Runs the suite with ALPY_LAB=<paramref name="mode"/>; the message stream and the labs' run folders go to
    /// reports/bench-MODE/ (emptied first), dotnet's output to its dotnet-test.log.
    /// </summary>
    public static async Task<SuiteRun> RunAsync(string root, string mode, BenchOptions options, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(root, "reports", "bench-" + mode);
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);

        var log = Path.Combine(folder, "dotnet-test.log");
        var environment = new Dictionary<string, string>
        {
            ["ALPY_LAB"] = mode,
            ["REQNROLL_FORMATTERS_MESSAGE"] = $"outputFilePath={Path.Combine(folder, "messages.ndjson")}",
            ["ALPY_ARTIFACTS"] = Path.Combine(folder, "runs"),
        };
        var (wall, exitCode) = await DotnetTest.RunAsync(root, options.Filter is { } filter ? ["--filter", filter] : [], environment, log, options.Timeout, cancellationToken)
            .ConfigureAwait(false);

        var stream = Path.Combine(folder, "messages.ndjson");
        if (!File.Exists(stream))
            throw new InvalidOperationException($"The {mode} run wrote no message stream ({stream}); dotnet test exited with {exitCode}, see {log}.");
        var result = await RunResultBuilder.ReadAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var left = await Leftovers.FindAsync(Path.Combine(folder, "runs"), cancellationToken).ConfigureAwait(false);
        return new SuiteRun(mode, wall, exitCode, result, folder, left);
    }

    /// <summary>
    /// The reference: the same dotnet test selecting no scenario (no lab, no boot): what starting and ending the test
    /// run costs before any scenario runs.
    /// </summary>
    public static async Task<TimeSpan> EmptyRunAsync(string root, BenchOptions options, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(root, "reports", "bench-empty");
        Directory.CreateDirectory(folder);
        var log = Path.Combine(folder, "dotnet-test.log");
        var environment = new Dictionary<string, string>
        {
            ["REQNROLL_FORMATTERS_MESSAGE"] = $"outputFilePath={Path.Combine(folder, "messages.ndjson")}",
            ["ALPY_ARTIFACTS"] = Path.Combine(folder, "runs"),
        };
        var (wall, exitCode) = await DotnetTest.RunAsync(root, ["--filter", "FullyQualifiedName=Alpy.Bench.Suite.NoSuchScenario"], environment, log, options.Timeout, cancellationToken)
            .ConfigureAwait(false);
        return exitCode == 0 ? wall : throw new InvalidOperationException($"dotnet test selecting no scenario exited with {exitCode}; see {log}.");
    }

}
