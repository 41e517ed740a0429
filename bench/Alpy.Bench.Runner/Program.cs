using System.Diagnostics;
using Alpy.Bench.Runner;

// Runner benchmark: 2,000 scenarios x 5 steps against 200 step definitions.
//   dotnet run -c Release --project bench/Alpy.Bench.Runner [-- --runs N] [--processes P]
// Reports medians of N runs (default 7) with a reference measured in the same run, and the
// marginal cost of a step: the same scenarios with 10 steps instead of 5, the difference per extra step;
// and of a scenario: half the scenarios, the difference per extra scenario, and the run's fixed cost.
// The whole benchmark runs in P processes one after the other (default 3), then each figure's range over them:
// the same code reads up to ±30 % differently from one process to the next (docs/runner.md, sixth pass).
const string Usage = "usage: Alpy.Bench.Runner [--runs N] [--processes P]   (N: timed runs per figure, default 7; P: benchmark processes, default 3)";

var runs = 7;
var processes = 3;
string? figuresPath = null; // set when this process is one of a parent's P: save the figures there
for (var i = 0; i < args.Length; i += 2)
{
    var option = args[i];
    var value = i + 1 < args.Length ? args[i + 1] : null;
    var number = int.TryParse(value, out var parsed) && parsed > 0 ? parsed : (int?)null;
    var problem = option switch
    {
        "--runs" or "--processes" when number is null => $"{option} needs a whole number above 0{(value is null ? string.Empty : $", not \"{value}\"")}.",
        "--figures" when value is null => "--figures needs a file path.",
        "--runs" or "--processes" or "--figures" => null,
        _ => $"\"{option}\" is not an option this benchmark takes.",
    };
    if (problem is not null)
    {
        Console.Error.WriteLine($"Alpy.Bench.Runner: {problem}");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    switch (option)
    {
        case "--runs":
            runs = number!.Value;
            break;
        case "--processes":
            processes = number!.Value;
            break;
        default:
            figuresPath = value;
            break;
    }
}

SuiteRun.RemoveLeftovers();
if (processes > 1 && figuresPath is null)
{
    return await RunProcessesAsync(runs, processes);
}

var figures = new Figures();
var suite = SyntheticSuite.Create(features: 100, scenariosPerFeature: 20, stepsPerScenario: 5, stepDefinitions: 200);
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
Console.WriteLine($"Alpy.Runner benchmark: {suite.ScenarioCount} scenarios x {suite.StepsPerScenario} steps, {suite.StepDefinitionCount} step definitions, {runs} runs, {Environment.ProcessorCount} cores, load average {load}");
Console.WriteLine();
await new DryRunBenchmark(suite, runs, figures).RunAsync();
await new DispatchBenchmark(suite, runs, figures).RunAsync();
var step = await new MarginalStepBenchmark(suite, suite.WithStepsPerScenario(2 * suite.StepsPerScenario), runs, figures).RunAsync();
// One step per scenario, so that subtracting the (noisy) step figure moves the scenario's own part least.
var oneStep = suite.WithStepsPerScenario(1);
await new ScenarioCostBenchmark(oneStep.WithScenariosPerFeature(oneStep.ScenarioCount / oneStep.Features.Count / 2), oneStep, runs, figures).RunAsync(step.CpuMicroseconds, step.Bytes);
if (figuresPath is not null)
{
    figures.Save(figuresPath);
}

return 0;

// Runs this benchmark in `count` processes, one after the other (their output goes straight to the console), then the ranges.
static async Task<int> RunProcessesAsync(int runs, int count)
{
    var results = new List<IReadOnlyList<Figure>>();
    for (var i = 1; i <= count; i++)
    {
        Console.WriteLine($"=== process {i} of {count}");
        var path = SuiteRun.TempPath($"figures{i}", "json");
        try
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Add(typeof(Figures).Assembly.Location); // started as `dotnet Alpy.Bench.Runner.dll`
            }

            foreach (var argument in new[] { "--runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--figures", path })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"Alpy.Bench.Runner: benchmark process {i} of {count} failed (exit code {process.ExitCode}); its output is above.");
                return 1;
            }

            results.Add(Figures.Load(path));
        }
        finally
        {
            File.Delete(path);
        }

        Console.WriteLine();
    }

    Figures.PrintSummary(results);
    return 0;
}
