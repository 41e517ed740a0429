using System.Globalization;

namespace Alpy.Bench.Runner;

/// <summary>Per step, per scenario and fixed costs from the synthetic suites' medians (CPU and wall).</summary>
internal sealed record RunnerFigures(double StepCpuMicroseconds, double StepWallMicroseconds, double ScenarioCpuMicroseconds, double ScenarioWallMicroseconds)
{
    public static RunnerFigures From(SyntheticSuite[] suites, List<Measured>[] timings)
    {
        var (steps5, steps10, half) = (0, 1, 2);
        double Cpu(int s) => Median(timings[s].Select(t => t.Cpu.TotalMicroseconds));
        double Wall(int s) => Median(timings[s].Select(t => t.Wall.TotalMicroseconds));
        var extraSteps = suites[steps10].Steps - suites[steps5].Steps;
        var extraScenarios = suites[steps5].Scenarios - suites[half].Scenarios;
        var stepCpu = (Cpu(steps10) - Cpu(steps5)) / extraSteps;
        var stepWall = (Wall(steps10) - Wall(steps5)) / extraSteps;
        return new RunnerFigures(stepCpu, stepWall,
            ((Cpu(steps5) - Cpu(half)) / extraScenarios) - (suites[steps5].StepsPerScenario * stepCpu),
            ((Wall(steps5) - Wall(half)) / extraScenarios) - (suites[steps5].StepsPerScenario * stepWall));
    }

    /// <summary>The runner's CPU for a scenario of <paramref name="steps"/> steps, as a share of <paramref name="scenarioSeconds"/>.</summary>
    public double Share(double steps, double scenarioSeconds) => (ScenarioCpuMicroseconds + (steps * StepCpuMicroseconds)) / (scenarioSeconds * 1e6);

    public void Print(SyntheticSuite[] suites, List<Measured>[] timings)
    {
        Console.WriteLine("Synthetic suites, median of the runs (whole process: test host start, discovery, run, message file):");
        for (var s = 0; s < suites.Length; s++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {suites[s].Name,-8} {suites[s].Scenarios,5} scenarios x {suites[s].StepsPerScenario,2} steps   wall {Median(timings[s].Select(t => t.Wall.TotalSeconds)),6:0.00} s   cpu {Median(timings[s].Select(t => t.Cpu.TotalSeconds)),6:0.00} s"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  per step      cpu {StepCpuMicroseconds,8:0.0} µs   wall {StepWallMicroseconds,8:0.0} µs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  per scenario  cpu {ScenarioCpuMicroseconds,8:0.0} µs   wall {ScenarioWallMicroseconds,8:0.0} µs   (beyond its steps)"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
