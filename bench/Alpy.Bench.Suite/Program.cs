// Suite benchmark: the real feature suite (the built src/Alpy.Specs) with one shared lab versus a fresh lab per
// scenario, side by side in one run: the wall time of each (process start to exit, boot included), their ratio, and
// per-scenario medians of the scenario's own steps and of its overhead; beside them a reference measured in the same
// run: the same dotnet test selecting no scenario (what starting and ending a test run costs). Each mode writes its own message stream
// (reports/bench-shared/, reports/bench-fresh/), read back with Alpy.Reports' reader. A mode with failures is
// reported as such, never as a figure; the labs each run booted are checked for leftovers afterwards.
//
//   dotnet build src/Alpy.Specs -c Release
//   dotnet run -c Release --project bench/Alpy.Bench.Suite [-- --runs 1 --filter "Category!=slow" --timeout-minutes 40]
using Alpy.Bench.Suite;

var options = BenchOptions.Parse(args);
var root = Repository.Root();
Repository.RequireBuiltSuite(root);

Console.WriteLine($"Suite benchmark: {options.Runs} run(s) of each mode{(options.Filter is { } f ? $", filter \"{f}\"" : ", the whole suite")}; " +
                  $"{Environment.ProcessorCount} cores, load average {Repository.LoadAverage()}");
var runs = new List<SuiteRun>();
var empty = new List<TimeSpan>();
for (var i = 0; i < options.Runs; i++)
{
    empty.Add(await SuiteRun.EmptyRunAsync(root, options));
    Console.WriteLine($"  run {i + 1}, reference: dotnet test selecting no scenario: {empty[^1].TotalSeconds:0.0} s");
    // Alternating the order spreads any drift of the machine's load over both modes.
    foreach (var mode in i % 2 == 0 ? new[] { "shared", "fresh" } : ["fresh", "shared"])
    {
        Console.WriteLine($"  run {i + 1}, {mode} lab: dotnet test src/Alpy.Specs --no-build -c Release (ALPY_LAB={mode}, into reports/bench-{mode}) ...");
        var run = await SuiteRun.RunAsync(root, mode, options);
        Console.WriteLine($"    {run.Wall.TotalSeconds:0.0} s, {run.Result.Totals}, exit code {run.ExitCode}; load average {Repository.LoadAverage()}");
        runs.Add(run);
    }
}

var valid = BenchReport.Print(runs, empty);
Console.WriteLine($"load average at the end: {Repository.LoadAverage()}");
return valid ? 0 : 1;
