using Alpy.Runner.Execution;
using Alpy.Runner.Features;

namespace Alpy.Bench.Runner;

/// <summary>
/// What one more scenario costs, and what a run costs before its first scenario: the suite's
/// configuration (NDJSON message file, steps matched as they run) with half and with all of the
/// scenarios (same features, same steps per scenario, same step definitions), alternating. A
/// pair's difference divided by the extra scenarios is one scenario with its steps; less its steps
/// at the marginal step cost, it is the scenario's own part (scope, contexts, testCase, its
/// messages and flush, its pickle and its share of the documents). Twice the shorter run less the
/// longer is the run's fixed cost (header without pickles, container, report's end).
/// </summary>
internal sealed class ScenarioCostBenchmark(SyntheticSuite fewer, SyntheticSuite more, int runs, Figures figures)
{
    /// <summary>Pairs of runs; <paramref name="stepCpuMicroseconds"/> and <paramref name="stepBytes"/> are the marginal step's (the suite's configuration), subtracted for the scenario's own part.</summary>
    public async Task RunAsync(double stepCpuMicroseconds, double stepBytes)
    {
        var path = SuiteRun.MessagePath("scenario");
        Pairs pairs;
        try
        {
            pairs = await PairsAsync(path);
        }
        finally
        {
            File.Delete(path);
        }

        var extra = more.ScenarioCount - fewer.ScenarioCount;
        var steps = more.StepsPerScenario;
        var ownCpu = (pairs.Difference.Cpu.TotalMicroseconds / extra) - (steps * stepCpuMicroseconds);
        var ownBytes = ((double)pairs.Difference.Allocated / extra) - (steps * stepBytes);
        Console.WriteLine();
        var stepWord = steps == 1 ? "step" : "steps";
        Console.WriteLine($"Marginal cost of one more scenario ({fewer.ScenarioCount} and {more.ScenarioCount} scenarios x {steps} {stepWord}, NDJSON message file, steps matched as they run, alternating; (longer run - shorter run) / {extra} extra scenarios), median of {runs} pairs:");
        Console.WriteLine($"  {$"a scenario with its {steps} {stepWord}",-37}{pairs.Difference.PerItem(extra)}");
        Console.WriteLine($"  {"the scenario's own part",-37}{string.Empty,19}cpu {Measure.Us(ownCpu)}   {ownBytes,6:0} B   (less {steps} x the marginal step above: scope, contexts, testCase, its messages and write, pickle)");
        Console.WriteLine($"  {"the run's fixed cost",-37}{string.Empty,19}cpu {Measure.Ms(pairs.Fixed.Cpu)}   {pairs.Fixed.Allocated / 1024,6:0} KiB (2 x shorter run - longer run: header without pickles, container, report's end)");
        figures.Add("a scenario's own part (message file)", ownCpu, "µs");
        figures.Add("the run's fixed cost (message file)", pairs.Fixed.Cpu.TotalMilliseconds, "ms");
    }

    private sealed record Pairs(Timing Difference, Timing Fixed);

    /// <summary>Warm-ups of both sizes, then <c>runs</c> pairs, the shorter run first in every other pair; medians of the differences and of the fixed costs.</summary>
    private async Task<Pairs> PairsAsync(string path)
    {
        var fewerFeatures = SuiteRun.Parse(fewer);
        var moreFeatures = SuiteRun.Parse(more);
        await Measure.WarmUpAsync(async () =>
        {
            await SuiteRun.RunAsync(fewer, SuiteRun.Prepare(fewer, fewerFeatures, path));
            await SuiteRun.RunAsync(more, SuiteRun.Prepare(more, moreFeatures, path));
        });

        var differences = new List<Timing>();
        var fixedCosts = new List<Timing>();
        for (var i = 0; i < runs; i++)
        {
            Timing shorter;
            Timing longer;
            if (i % 2 == 0)
            {
                shorter = await OnceAsync(fewer, fewerFeatures, path);
                longer = await OnceAsync(more, moreFeatures, path);
            }
            else
            {
                longer = await OnceAsync(more, moreFeatures, path);
                shorter = await OnceAsync(fewer, fewerFeatures, path);
            }

            differences.Add(new Timing(longer.Wall - shorter.Wall, longer.Cpu - shorter.Cpu, longer.Allocated - shorter.Allocated));
            fixedCosts.Add(new Timing(2 * shorter.Wall - longer.Wall, 2 * shorter.Cpu - longer.Cpu, (2 * shorter.Allocated) - longer.Allocated));
        }

        return new Pairs(Measure.Median(differences), Measure.Median(fixedCosts));
    }

    private static Task<Timing> OnceAsync(SyntheticSuite suite, FeatureFile[] features, string path) =>
        Measure.OnceAsync(SuiteRun.Prepare(suite, features, path), run => SuiteRun.RunAsync(suite, run));
}
