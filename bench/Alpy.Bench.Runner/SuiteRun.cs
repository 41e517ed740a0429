using Alpy.Runner.Configuration;
using Alpy.Runner.Execution;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Bench.Runner;

/// <summary>How a timed run of a synthetic suite is set up: what is prepared untimed, and the run itself.</summary>
internal static class SuiteRun
{
    private const string TempPrefix = "alpy-bench-runner-";

    /// <summary>The suite's features parsed with one id generator for all files, as a real run has (ids unique across features, so every pickle is written).</summary>
    public static FeatureFile[] Parse(SyntheticSuite suite)
    {
        var ids = new IncrementingIdGenerator();
        return suite.Features.Select(f => FeatureParser.Parse(f.Uri, f.Source, null, ids)).ToArray();
    }

    /// <summary>Bindings scanned, nothing run yet: the run's setup is not dispatch.</summary>
    public static TestRun Prepare(SyntheticSuite suite, FeatureFile[] features, string? messagePath, RunnerConfiguration? configuration = null)
    {
        var formatters = new List<Formatter>();
        var paths = new Dictionary<Formatter, string?>();
        if (messagePath is not null)
        {
            var formatter = new MessageFormatter();
            formatters.Add(formatter);
            paths[formatter] = messagePath;
        }

        return StandaloneRun.Create(features, [suite.Bindings], configuration, formatters, new IncrementingIdGenerator(), outputPaths: paths);
    }

    /// <summary>As <see cref="Prepare"/>, with every step bound (matched) before the timed run.</summary>
    public static TestRun PrepareBound(SyntheticSuite suite, FeatureFile[] features, string messagePath)
    {
        var run = Prepare(suite, features, messagePath);
        run.DryRun();
        return run;
    }

    public static async Task RunAsync(SyntheticSuite suite, TestRun run)
    {
        var results = await run.RunAllAsync();
        if (results.Count != suite.ScenarioCount || results.Any(r => r.Status != TestStepResultStatus.Passed))
        {
            throw new InvalidOperationException("The synthetic suite did not pass; the benchmark measures nothing.");
        }
    }

    /// <summary>A message file path unique to this process, in the temp folder (deleted by the caller).</summary>
    public static string MessagePath(string name) => TempPath(name, "ndjson");

    /// <summary>A file path in the temp folder, named for this benchmark and ending with this process's id (see <see cref="RemoveLeftovers"/>).</summary>
    public static string TempPath(string name, string extension) => Path.Combine(Path.GetTempPath(), $"{TempPrefix}{name}-{Environment.ProcessId}.{extension}");

    /// <summary>
    /// Removes the temp files of benchmark processes that are gone: a process killed mid-run
    /// cannot delete its own, and each name ends with the id of the process that made it.
    /// </summary>
    public static void RemoveLeftovers()
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), TempPrefix + "*"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (int.TryParse(name[(name.LastIndexOf('-') + 1)..], out var owner) && !IsRunning(owner))
            {
                File.Delete(file);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }
}
