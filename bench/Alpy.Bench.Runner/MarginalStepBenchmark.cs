using Alpy.Runner.Configuration;
using Alpy.Runner.Execution;
using Alpy.Runner.Features;

namespace Alpy.Bench.Runner;

/// <summary>
/// What one more step costs, apart from what a run costs: the same scenarios run with
/// <paramref name="fewer"/>'s and with <paramref name="more"/>'s steps per scenario (same step
/// definitions, same scenario count, so the header's pickles, the DI container, the scenario
/// scopes and the report's end are in both), alternating, and each pair's difference divided by
/// the extra steps. The run's fixed costs cancel out; what is left is matching, the testCase's
/// extra test step, running the step and its messages.
/// </summary>
internal sealed class MarginalStepBenchmark(SyntheticSuite fewer, SyntheticSuite more, int runs, Figures figures)
{
    private const double TargetMicroseconds = 5;

    /// <summary>Prints the figures; returns the suite configuration's per-step CPU (µs) and bytes, which the scenario benchmark subtracts.</summary>
    public async Task<(double CpuMicroseconds, double Bytes)> RunAsync()
    {
        var path = SuiteRun.MessagePath("marginal");
        var check = RunnerConfiguration.Default with { StopRunOnBindingErrors = true };
        Timing[] timings;
        try
        {
            timings = await PairsAsync(
                (suite, features) => SuiteRun.Prepare(suite, features, null),
                (suite, features) => SuiteRun.Prepare(suite, features, path),
                (suite, features) => SuiteRun.Prepare(suite, features, path, check),
                (suite, features) => SuiteRun.PrepareBound(suite, features, path));
        }
        finally
        {
            File.Delete(path);
        }

        var (dispatch, messages, checkedFirst, boundBefore) = (timings[0], timings[1], timings[2], timings[3]);
        var extra = more.StepCount - fewer.StepCount;
        Console.WriteLine();
        Console.WriteLine($"Marginal cost of one more step ({fewer.ScenarioCount} scenarios with {fewer.StepsPerScenario} and with {more.StepsPerScenario} steps, alternating; (longer run - shorter run) / {extra} extra steps), median of {runs} rounds, one pair per line per round:");
        Console.WriteLine($"  Alpy.Runner, no formatter            {dispatch.PerItem(extra)}   (dispatch alone; steps matched as they run)");
        Console.WriteLine($"  Alpy.Runner, NDJSON message file     {messages.PerItem(extra)}   (the suite's configuration; steps matched as they run)");
        Console.WriteLine($"  Alpy.Runner, NDJSON, binding check   {checkedFirst.PerItem(extra)}   (alpy.stopRunOnBindingErrors: matched by the check, reused by the run; check timed)");
        Console.WriteLine($"  Alpy.Runner, NDJSON, bound before    {boundBefore.PerItem(extra)}   (matching done before the timed run)");
        Console.WriteLine($"  target <= 5 µs per step (marginal cpu median): no formatter {Verdict(dispatch)}, NDJSON file {Verdict(messages)}, binding check {Verdict(checkedFirst)}, bound before {Verdict(boundBefore)}");

        figures.Add("dispatch, marginal step, no formatter", dispatch.Cpu.TotalMicroseconds / extra, "µs", TargetMicroseconds);
        figures.Add("message file, marginal step", messages.Cpu.TotalMicroseconds / extra, "µs", TargetMicroseconds);
        figures.Add("message file, binding check, marginal step", checkedFirst.Cpu.TotalMicroseconds / extra, "µs");
        figures.Add("message file, bound before, marginal step", boundBefore.Cpu.TotalMicroseconds / extra, "µs");
        return (messages.Cpu.TotalMicroseconds / extra, (double)messages.Allocated / extra);

        string Verdict(Timing timing) => timing.Cpu.TotalMicroseconds / extra <= TargetMicroseconds ? "met" : "not met";
    }

    /// <summary>
    /// Warm-ups of both lengths, then <c>runs</c> rounds of one pair per configuration (the
    /// configurations interleaved, so the machine's drift reaches all alike), the shorter run first
    /// in every other round (so neither length always follows the other); per configuration, the
    /// median of each figure's differences.
    /// </summary>
    private async Task<Timing[]> PairsAsync(params Func<SyntheticSuite, FeatureFile[], TestRun>[] configurations)
    {
        var fewerFeatures = SuiteRun.Parse(fewer);
        var moreFeatures = SuiteRun.Parse(more);
        await Measure.WarmUpAsync(
            async () =>
            {
                foreach (var prepare in configurations)
                {
                    await SuiteRun.RunAsync(fewer, prepare(fewer, fewerFeatures));
                    await SuiteRun.RunAsync(more, prepare(more, moreFeatures));
                }
            },
            2 * configurations.Length);

        var differences = configurations.Select(_ => new List<Timing>()).ToArray();
        for (var round = 0; round < runs; round++)
        {
            for (var i = 0; i < configurations.Length; i++)
            {
                var prepare = configurations[i];
                Timing shorter;
                Timing longer;
                if (round % 2 == 0)
                {
                    shorter = await Measure.OnceAsync(prepare(fewer, fewerFeatures), run => SuiteRun.RunAsync(fewer, run));
                    longer = await Measure.OnceAsync(prepare(more, moreFeatures), run => SuiteRun.RunAsync(more, run));
                }
                else
                {
                    longer = await Measure.OnceAsync(prepare(more, moreFeatures), run => SuiteRun.RunAsync(more, run));
                    shorter = await Measure.OnceAsync(prepare(fewer, fewerFeatures), run => SuiteRun.RunAsync(fewer, run));
                }

                differences[i].Add(new Timing(longer.Wall - shorter.Wall, longer.Cpu - shorter.Cpu, longer.Allocated - shorter.Allocated));
            }
        }

        return differences.Select(Measure.Median).ToArray();
    }
}
