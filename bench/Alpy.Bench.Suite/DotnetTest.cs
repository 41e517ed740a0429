using System.Diagnostics;

namespace Alpy.Bench.Suite;

/// <summary><c>dotnet test src/Alpy.Specs --no-build -c Release</c> as a process, timed from start to exit, its output in a log file.</summary>
internal static class DotnetTest
{
    public static async Task<(TimeSpan Wall, int ExitCode)> RunAsync(string root, IReadOnlyList<string> extraArgs, IReadOnlyDictionary<string, string> environment,
        string log, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["test", "src/Alpy.Specs", "--no-build", "-c", "Release", "-nologo", .. extraArgs])
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.Environment["ALPY_KEEP_LAB"] = "never"; // a benchmark leaves no lab up, whatever the caller's shell says
        start.Environment.Remove("ALPY_ARTIFACTS");

        // A temp folder of the run's own, removed after it (as scripts/lib/run-temp-folder.sh does for run-specs): the
        // xUnit adapter copies every scenario attachment into the temp folder and never removes the copies. Named
        // alpy-tmp-<pid> so that the next run-specs removes it if this benchmark is killed.
        var temp = Path.Combine(Path.GetTempPath(), $"alpy-tmp-{Environment.ProcessId}");
        Directory.CreateDirectory(temp);
        start.Environment["TMPDIR"] = temp;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no MSBuild node outlives the run inside that folder
        try
        {
            return await RunAsync(start, log, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static async Task<(TimeSpan Wall, int ExitCode)> RunAsync(ProcessStartInfo start, string log, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        await using var writer = new StreamWriter(log);
        var output = CopyAsync(process.StandardOutput, writer);
        var errors = CopyAsync(process.StandardError, writer);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killing the test host skips the suite's teardown; the next lab start reaps what it left (docs/lab.md).
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await writer.WriteLineAsync($"alpy-bench-suite: killed after {timeout.TotalMinutes} minutes (--timeout-minutes)").ConfigureAwait(false);
        }
        var wall = clock.Elapsed;
        await Task.WhenAll(output, errors).ConfigureAwait(false);
        return (wall, process.ExitCode);
    }

    private static async Task CopyAsync(StreamReader from, StreamWriter to)
    {
        while (await from.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (to)
                to.WriteLine(line);
        }
    }
}
