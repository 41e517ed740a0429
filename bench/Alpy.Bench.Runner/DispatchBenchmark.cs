using Alpy.Runner.Execution;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Bench.Runner;

/// <summary>
/// Per-step dispatch: the whole suite runs with empty step methods, so the time per step is what
/// the runner adds (scenario scope, hooks lookup, argument conversion, invocation, messages).
/// Reference: a minimal dispatcher (regex match, conversion, reflection call), measured in the same run.
/// </summary>
internal sealed class DispatchBenchmark(SyntheticSuite suite, int runs)
{
    public async Task RunAsync()
    {
        var features = SuiteRun.Parse(suite);
        var withoutMessages = await Measure.MedianAsync(runs, () => SuiteRun.Prepare(suite, features, null), RunSuiteAsync);
        var path = SuiteRun.MessagePath("dispatch");
        Timing withMessages;
        Timing preBound;
        try
        {
            withMessages = await Measure.MedianAsync(runs, () => SuiteRun.Prepare(suite, features, path), RunSuiteAsync);
            preBound = await Measure.MedianAsync(runs, () => SuiteRun.PrepareBound(suite, features, path), RunSuiteAsync);
        }
        finally
        {
            File.Delete(path);
        }

        var reference = await Measure.MedianAsync(runs, () => PrepareMinimal(features), MinimalDispatch);
        var steps = suite.StepCount;
        Console.WriteLine($"Dispatch per step ({steps} steps in {suite.ScenarioCount} scenarios, empty step methods; the whole run: header, scenarios, report), median:");
        Console.WriteLine($"  Alpy.Runner, NDJSON message file     {withMessages.PerItem(steps)}   (the suite's configuration)");
        Console.WriteLine($"  Alpy.Runner, no formatter            {withoutMessages.PerItem(steps)}");
        Console.WriteLine($"  Alpy.Runner, NDJSON, bound before    {preBound.PerItem(steps)}   (matching done before the timed run; with alpy.stopRunOnBindingErrors the check does it inside the run)");
        Console.WriteLine($"  reference: minimal dispatcher        {reference.PerItem(steps)}   (regex match, int.Parse, MethodInfo.Invoke per step)");
        Console.WriteLine($"  ratio runner (NDJSON) / ref. (cpu)   {withMessages.Cpu / reference.Cpu,8:0.0}");
        Console.WriteLine($"  ratio runner (none) / ref. (cpu)     {withoutMessages.Cpu / reference.Cpu,8:0.0}");
        Console.WriteLine($"  target <= 5 µs per step (cpu median): NDJSON file {Verdict(withMessages, steps)}, no formatter {Verdict(withoutMessages, steps)}");
    }

    private static string Verdict(Timing timing, int steps) => timing.Cpu.TotalMicroseconds / steps <= 5 ? "met" : "not met";

    /// <summary>
    /// The least a runner must do per step: find the definition (known in advance), match its
    /// regex, convert the argument, call the method. Only the loop is timed.
    /// </summary>
    private (object Target, (System.Text.RegularExpressions.Regex Regex, System.Reflection.MethodInfo Method)[] Definitions, (string Text, int Index)[] Steps) PrepareMinimal(FeatureFile[] features)
    {
        var definitions = Enumerable.Range(0, suite.StepDefinitionCount)
            .Select(i => (new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(SyntheticSuite.StepPrefix(i)) + @"(\d+) requests$"), suite.Bindings.GetMethod($"Step{i}")!))
            .ToArray();
        var steps = features.SelectMany(f => f.Scenarios).SelectMany(s => s.Steps)
            .Select(s => (s.Text, int.Parse(s.Text.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        return (Activator.CreateInstance(suite.Bindings)!, definitions, steps);
    }

    private static Task MinimalDispatch((object Target, (System.Text.RegularExpressions.Regex Regex, System.Reflection.MethodInfo Method)[] Definitions, (string Text, int Index)[] Steps) prepared)
    {
        foreach (var (text, index) in prepared.Steps)
        {
            var (regex, method) = prepared.Definitions[index];
            var match = regex.Match(text);
            method.Invoke(prepared.Target, [int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return Task.CompletedTask;
    }

    private Task RunSuiteAsync(TestRun run) => SuiteRun.RunAsync(suite, run);
}
