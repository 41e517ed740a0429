using System.Text.Json;

namespace Alpy.Bench.Runner;

/// <summary>
/// The real feature suite, run once as CI runs it (<c>dotnet test src/Alpy.Specs --no-build -c Release</c>, labs and
/// all), timed from start to exit; its message stream gives each scenario's duration and step count.
/// </summary>
internal static class FeatureSuiteRun
{
    public static async Task<SuiteFigures> RunAsync(string root, string folder)
    {
        var reports = Path.Combine(root, "reports", "bench-runner");
        if (Directory.Exists(reports))
            Directory.Delete(reports, recursive: true);
        var environment = new Dictionary<string, string>
        {
            ["REQNROLL_FORMATTERS_MESSAGE"] = $"outputFilePath={Path.Combine(reports, "messages.ndjson")}",
            ["ALPY_ARTIFACTS"] = Path.Combine(reports, "runs"),
            ["ALPY_KEEP_LAB"] = "never",
            ["TMPDIR"] = folder, // the xUnit adapter copies attachments into the temp folder and never removes them
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        Directory.CreateDirectory(reports);
        var log = Path.Combine(reports, "dotnet-test.log"); // kept with the stream and the labs' run folders
        var run = await ChildProcess.RunAsync("dotnet", ["test", "src/Alpy.Specs", "--no-build", "-c", "Release", "-nologo"], root, environment, log,
            TimeSpan.FromMinutes(30)).ConfigureAwait(false);
        var stream = Path.Combine(reports, "messages.ndjson");
        if (!File.Exists(stream))
            throw new InvalidOperationException($"The feature suite wrote no {stream} (exit code {run.ExitCode}); see {log}.");
        var scenarios = Scenarios(stream);
        return new SuiteFigures(run, scenarios.Count, scenarios.Count(s => s.Passed), Median(scenarios.Select(s => s.Duration.TotalSeconds)),
            Median(scenarios.Select(s => (double)s.Steps)));
    }

    private static List<(TimeSpan Duration, int Steps, bool Passed)> Scenarios(string stream)
    {
        var steps = new Dictionary<string, int>();
        var started = new Dictionary<string, (string TestCase, double At)>();
        var failed = new HashSet<string>();
        var scenarios = new List<(TimeSpan, int, bool)>();
        foreach (var line in File.ReadLines(stream))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("testCase", out var testCase))
                steps[testCase.GetProperty("id").GetString()!] = testCase.GetProperty("testSteps").EnumerateArray().Count(s => s.TryGetProperty("pickleStepId", out _));
            else if (root.TryGetProperty("testCaseStarted", out var start))
                started[start.GetProperty("id").GetString()!] = (start.GetProperty("testCaseId").GetString()!, Seconds(start.GetProperty("timestamp")));
            else if (root.TryGetProperty("testStepFinished", out var step) && step.GetProperty("testStepResult").GetProperty("status").GetString() != "PASSED")
                failed.Add(step.GetProperty("testCaseStartedId").GetString()!);
            else if (root.TryGetProperty("testCaseFinished", out var finish))
            {
                var id = finish.GetProperty("testCaseStartedId").GetString()!;
                var (caseId, at) = started[id];
                scenarios.Add((TimeSpan.FromSeconds(Seconds(finish.GetProperty("timestamp")) - at), steps[caseId], !failed.Contains(id)));
            }
        }

        return scenarios;
    }

    private static double Seconds(JsonElement timestamp) => timestamp.GetProperty("seconds").GetInt64() + (timestamp.GetProperty("nanos").GetInt64() / 1e9);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>The feature suite's run: the process, its scenario count, how many passed, the median scenario's seconds and steps.</summary>
internal sealed record SuiteFigures(Measured Run, int Scenarios, int Passed, double MedianScenarioSeconds, double MedianSteps);
