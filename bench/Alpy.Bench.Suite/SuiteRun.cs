using System.Diagnostics;
using Alpy.Reports.Messages;
using Alpy.Reports.Model;

namespace Alpy.Bench.Suite;

/// <summary>One run of the real suite (the built src/Alpy.Specs) in one lab mode, timed from process start to exit.</summary>
internal sealed record SuiteRun(string Mode, TimeSpan Wall, int ExitCode, RunResult Result, string Folder, IReadOnlyList<string> LeftBehind)
{
    /// <summary>Valid as a figure only when dotnet test succeeded, the stream is complete and every scenario passed.</summary>
    public bool IsValid => ExitCode == 0 && Result.Status == RunStatus.Passed && Result.Totals.Skipped == 0 && LeftBehind.Count == 0;

    public IReadOnlyList<ScenarioSplit> Scenarios { get; } = Result.Scenarios.Where(s => s.Ran).Select(ScenarioSplit.Of).ToList();

    /// <summary>Process start, test discovery, the AfterTestRun teardown: the wall time no scenario accounts for.</summary>
    public TimeSpan OutsideScenarios => Wall - Scenarios.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Wall);

    /// <summary>
    /// Runs <c>dotnet test src/Alpy.Specs --no-build -c Release</c> with ALPY_LAB=<paramref name="mode"/>; the message
    /// stream and the labs' run folders go to reports/bench-MODE/ (emptied first), dotnet's output to its dotnet-test.log.
    /// </summary>
    public static async Task<SuiteRun> RunAsync(string root, string mode, BenchOptions options, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(root, "reports", "bench-" + mode);
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["test", "src/Alpy.Specs", "--no-build", "-c", "Release", "-nologo"])
            start.ArgumentList.Add(arg);
        if (options.Filter is { } filter)
        {
            start.ArgumentList.Add("--filter");
            start.ArgumentList.Add(filter);
        }
        start.Environment["ALPY_LAB"] = mode;
        start.Environment["ALPY_SPECS_REPORTS"] = "/bench-" + mode;
        start.Environment["ALPY_KEEP_LAB"] = "never"; // a benchmark leaves no lab up, whatever the caller's shell says
        start.Environment.Remove("ALPY_ARTIFACTS");

        var log = Path.Combine(folder, "dotnet-test.log");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        await using (var writer = new StreamWriter(log))
        {
            var output = Copy(process.StandardOutput, writer);
            var errors = Copy(process.StandardError, writer);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Killing the test host skips the suite's teardown; the next lab start reaps what it left (docs/lab.md).
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                await writer.WriteLineAsync($"alpy-bench-suite: killed after {options.Timeout.TotalMinutes} minutes (--timeout-minutes)").ConfigureAwait(false);
            }
            await Task.WhenAll(output, errors).ConfigureAwait(false);
        }
        var wall = clock.Elapsed;

        var stream = Path.Combine(folder, "messages.ndjson");
        if (!File.Exists(stream))
            throw new InvalidOperationException($"The {mode} run wrote no message stream ({stream}); dotnet test exited with {process.ExitCode}, see {log}.");
        var result = await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        var left = await Leftovers.FindAsync(Path.Combine(folder, "runs"), cancellationToken).ConfigureAwait(false);
        return new SuiteRun(mode, wall, process.ExitCode, result, folder, left);
    }

    private static async Task<RunResult> ReadAsync(string stream, CancellationToken cancellationToken)
    {
        var reader = new MessageStreamReader(stream);
        var builder = new RunResultBuilder(stream);
        await foreach (var envelope in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            builder.Add(envelope);
        return builder.Build(reader.TruncatedTailBytes);
    }

    private static async Task Copy(StreamReader from, StreamWriter to)
    {
        while (await from.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (to)
                to.WriteLine(line);
        }
    }
}
