using System.Globalization;
using Alpy.Bench.Runner;

// What the Gherkin runner costs the suite, side by side in one run:
//   1. synthetic suites (empty step methods, the message formatter on, one scenario at a time), each a real xUnit v3
//      test project built in Release and run as its own process, N times, interleaved:
//        steps5   2,000 scenarios x 5 steps      steps10  2,000 scenarios x 10 steps
//        half     1,000 scenarios x 5 steps      one      1 scenario x 1 step (the test host and run's fixed cost)
//      per step = (steps10 - steps5) / 10,000; per scenario = (steps5 - half) / 1,000 - 5 x per step; medians of CPU and wall.
//   2. the feature suite itself, once (labs and all), for its wall time and its median scenario;
//   3. the runner's share of a lab scenario: (per scenario + its steps x per step) / the median scenario's duration.
//
//   dotnet run -c Release --project bench/Alpy.Bench.Runner [-- --runs N] [--no-suite]
const string Usage = "usage: Alpy.Bench.Runner [--runs N] [--no-suite]";
var runs = 5;
var suite = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
            runs = n;
            i++;
            break;
        case "--no-suite":
            suite = false;
            break;
        default:
            Console.Error.WriteLine($"Alpy.Bench.Runner: \"{args[i]}\" is not an option this benchmark takes (or its value is missing).\n{Usage}");
            return 2;
    }
}

var root = Repository.Root();
var folder = Repository.TempFolder();
try
{
    Console.WriteLine($"Runner benchmark (Reqnroll): {runs} runs of each synthetic suite, {Environment.ProcessorCount} cores, load average {Repository.Load()}, temp {folder}");
    SyntheticSuite[] suites =
    [
        new("steps5", 100, 20, 5),
        new("steps10", 100, 20, 10),
        new("half", 50, 20, 5),
        new("one", 1, 1, 1),
    ];
    var projects = suites.Select(s => s.Write(folder, root)).ToArray();
    foreach (var project in projects)
    {
        var build = await ChildProcess.RunAsync("dotnet", ["build", project, "-c", "Release", "--disable-build-servers", "-nologo", "-v", "q"], root,
            new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" }, Path.Combine(project, "build.log"), TimeSpan.FromMinutes(15));
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"Building {project} failed; see {Path.Combine(project, "build.log")}.");
    }

    var timings = suites.Select(_ => new List<Measured>()).ToArray();
    for (var round = 0; round < runs + 1; round++) // the first round warms the disk cache and is not counted
    {
        for (var s = 0; s < suites.Length; s++)
        {
            var measured = await ChildProcess.RunAsync("dotnet", [suites[s].Assembly(projects[s]), "-noLogo", "-noColor"], projects[s], null,
                Path.Combine(projects[s], "run.log"), TimeSpan.FromMinutes(10));
            if (measured.ExitCode != 0)
                throw new InvalidOperationException($"The synthetic suite {suites[s].Name} did not pass (exit {measured.ExitCode}); see {Path.Combine(projects[s], "run.log")}.");
            if (round > 0)
                timings[s].Add(measured);
        }
    }

    var figures = RunnerFigures.From(suites, timings);
    figures.Print(suites, timings);
    if (suite)
    {
        Console.WriteLine();
        Console.WriteLine($"The feature suite (dotnet test src/Alpy.Specs --no-build -c Release, labs and all), load average {Repository.Load()}:");
        var run = await FeatureSuiteRun.RunAsync(root, folder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {run.Scenarios} scenarios, {run.Passed} passed, exit code {run.Run.ExitCode}: wall {run.Run.Wall.TotalSeconds:0.0} s, cpu {run.Run.Cpu.TotalSeconds:0.0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  median scenario {run.MedianScenarioSeconds * 1000:0} ms with {run.MedianSteps:0} steps"));
        var share = figures.Share(run.MedianSteps, run.MedianScenarioSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  the runner's share of the median lab scenario: {share * 100:0.000} % (cpu per scenario and per step above; target < 1 %: {(share < 0.01 ? "met" : "not met")})"));
    }

    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
