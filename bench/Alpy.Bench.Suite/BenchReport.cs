using System.Globalization;
using Alpy.Reports.Model;

namespace Alpy.Bench.Suite;

/// <summary>Prints the two modes side by side, what failed if anything did, and the issue's targets met or not.</summary>
internal static class BenchReport
{
    private const string Overhead =
        "Overhead per scenario = the topology step (take a lab from the pool, reset the DUT, start the capture window; in fresh mode " +
        "the whole boot) + the hooks (servers stopped, evidence attached, lab given back) + the gaps between steps (the runner's own time). " +
        "Own steps = the scenario's DUT configuration, traffic and verdicts (including the connection-tracking flush a shared lab " +
        "runs inside a scenario's first configuration step when it skipped the full reset).";

    private const int MaxListed = 12;

    /// <returns>Whether every run is a valid figure (green, complete, nothing left behind).</returns>
    public static bool Print(IReadOnlyList<SuiteRun> runs, IReadOnlyList<TimeSpan> emptyRuns)
    {
        var modes = runs.GroupBy(r => r.Mode).ToDictionary(g => g.Key, g => g.ToList());
        Console.WriteLine();
        Console.WriteLine($"{"mode",-8} {"scenarios",9}  {"outcome",-34} {"wall (s)",9} {"outside scenarios (s)",22}  runs");
        foreach (var (mode, list) in modes)
        {
            var totals = list.Select(r => r.Result.Totals).Aggregate(OutcomeTotals.Zero, (a, b) => a + b);
            var outcome = list.All(r => r.IsValid) ? totals.ToClosingLine() : "NOT VALID: " + totals.ToClosingLine();
            Console.WriteLine(Invariant($"{mode,-8} {list[0].Scenarios.Count,9}  {outcome,-34} {Median(list.Select(r => r.Wall)),9:0.0} {Median(list.Select(r => r.OutsideScenarios)),22:0.0}  {list.Count}"));
        }
        Console.WriteLine(Invariant($"{"ref",-8} {0,9}  {"dotnet test selecting no scenario",-34} {Median(emptyRuns),9:0.0} {Median(emptyRuns),22:0.0}  {emptyRuns.Count}"));
        if (modes.TryGetValue("shared", out var s) && modes.TryGetValue("fresh", out var f))
            Console.WriteLine(Invariant($"fresh / shared wall time: {Median(f.Select(r => r.Wall)) / Median(s.Select(r => r.Wall)):0.0}x"));

        var valid = true;
        foreach (var run in runs.Where(r => !r.IsValid))
        {
            valid = false;
            PrintProblems(run);
        }

        Console.WriteLine();
        Console.WriteLine(Overhead);
        Console.WriteLine("Per-scenario medians in seconds (each column is its own median, so they need not add up):");
        Console.WriteLine($"{"mode",-8} {"scenario",9} {"own steps",10} {"overhead",9}   {"lease",7} {"hooks",7} {"gaps",7}");
        foreach (var (mode, list) in modes)
        {
            var all = list.SelectMany(r => r.Scenarios).ToList();
            Console.WriteLine(Invariant($"{mode,-8} {Median(all.Select(s => s.Wall)),9:0.00} {Median(all.Select(s => s.Own)),10:0.00} {Median(all.Select(s => s.Overhead)),9:0.00}   {Median(all.Select(s => s.Lease)),7:0.00} {Median(all.Select(s => s.Hooks)),7:0.00} {Median(all.Select(s => s.Gaps)),7:0.00}"));
        }
        foreach (var (mode, list) in modes)
        {
            var largest = list.SelectMany(r => r.Scenarios).OrderByDescending(s => s.Overhead).Take(3);
            Console.WriteLine($"  largest overhead, {mode}: " + string.Join("; ", largest.Select(s => Invariant($"{s.Overhead.TotalSeconds:0.00} s {s.Name}"))));
        }

        PrintTargets(modes, valid);
        return valid;
    }

    private static void PrintProblems(SuiteRun run)
    {
        Console.WriteLine($"  {run.Mode} run ({run.Folder}): dotnet test exited with {run.ExitCode}, the stream says {run.Result.Status}; not a figure.");
        foreach (var problem in run.Result.Problems)
            Console.WriteLine($"    {problem}");
        var notPassed = run.Result.Scenarios.Where(s => s.Outcome != ScenarioOutcome.Passed).ToList();
        foreach (var scenario in notPassed.Take(MaxListed))
        {
            var step = scenario.DecisiveStep;
            var why = step?.Message?.Split('\n')[0] ?? (scenario.Ran ? scenario.Status.ToString() : "did not run");
            Console.WriteLine($"    {scenario.Outcome}: {scenario.DisplayName} ({scenario.Location}){(step is null ? "" : $" at \"{step.Title}\"")}: {why}");
        }
        if (notPassed.Count > MaxListed)
            Console.WriteLine($"    ... and {notPassed.Count - MaxListed} more (the report of {Path.Combine(run.Folder, "messages.ndjson")} lists them all)");
        foreach (var left in run.LeftBehind)
            Console.WriteLine($"    LEFT BEHIND: {left}");
        Console.WriteLine($"    dotnet's output: {Path.Combine(run.Folder, "dotnet-test.log")}");
    }

    private static void PrintTargets(Dictionary<string, List<SuiteRun>> modes, bool valid)
    {
        Console.WriteLine();
        Console.WriteLine(valid ? "Targets (issue 5):" : "Targets (issue 5): not judged, a run above is not valid.");
        if (!valid || !modes.TryGetValue("shared", out var shared) || !modes.TryGetValue("fresh", out var fresh))
            return;
        var sharedWall = Median(shared.Select(r => r.Wall));
        var ratio = Median(fresh.Select(r => r.Wall)) / sharedWall;
        var overhead = Median(shared.SelectMany(r => r.Scenarios).Select(s => s.Overhead));
        var count = shared[0].Scenarios.Count;
        Target($"whole suite, shared lab ({count} scenarios, boot included) <= 90 s", Invariant($"{sharedWall:0.0} s"), sharedWall <= 90 && count >= 25,
            count < 25 ? "fewer than 25 scenarios ran (a --filter?)" : null);
        Target("shared lab >= 5x faster than a fresh lab per scenario", Invariant($"{ratio:0.0}x"), ratio >= 5, null);
        Console.WriteLine(Invariant($"    per scenario, median of each scenario's fresh time / its shared time: {PerScenarioRatio(shared, fresh):0.0}x"));
        Console.WriteLine(Invariant($"    ceiling with a free shared lab (no lease, reset, bring-up, hooks or gaps in any scenario): fresh wall / (shared wall - its overheads) = {Ceiling(shared, fresh):0.0}x;"));
        Console.WriteLine("    the scenarios' own steps (traffic, DUT configuration, verdicts) take the same time in both modes and cap the ratio there");
        Target("median scenario overhead beyond its own steps, shared lab <= 0.5 s", Invariant($"{overhead:0.00} s"), overhead <= 0.5, null);
    }

    /// <summary>Pairs each scenario's runs by name (an outline row's name holds its values); the median of fresh / shared.</summary>
    private static double PerScenarioRatio(List<SuiteRun> shared, List<SuiteRun> fresh)
    {
        var sharedTimes = shared.SelectMany(r => r.Scenarios).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => Median(g.Select(s => s.Wall)));
        var ratios = fresh.SelectMany(r => r.Scenarios).GroupBy(s => s.Name)
            .Where(g => sharedTimes.ContainsKey(g.Key))
            .Select(g => Median(g.Select(s => s.Wall)) / sharedTimes[g.Key]);
        return Median(ratios);
    }

    /// <summary>What the ratio would be if the shared lab cost nothing: every second of shared overhead taken off the shared wall time.</summary>
    private static double Ceiling(List<SuiteRun> shared, List<SuiteRun> fresh)
    {
        var sharedWithoutOverhead = shared.Select(r => r.Wall - r.Scenarios.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Overhead));
        return Median(fresh.Select(r => r.Wall)) / Median(sharedWithoutOverhead);
    }

    private static void Target(string what, string figure, bool met, string? note) =>
        Console.WriteLine($"  {what}: {figure}, {(met ? "met" : "NOT met")}{(note is null ? "" : $" ({note})")}");

    /// <summary>Median in seconds.</summary>
    private static double Median(IEnumerable<TimeSpan> values) => Median(values.Select(v => v.TotalSeconds));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return double.NaN;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
