using System.Text.RegularExpressions;
using Alpy.Runner.Execution;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Bench.Runner;

/// <summary>
/// Per-step dispatch: the whole suite runs with empty step methods, so the time per step is what
/// the runner adds (scenario scope, hooks lookup, argument conversion, invocation, messages).
/// Reference: a minimal dispatcher (regex match, conversion, reflection call). The configurations
/// run interleaved, one of each per round, so that the machine's load drifts over all of them alike
/// (on these shared machines the same code reads up to 3x slower from one minute to the next).
/// </summary>
internal sealed class DispatchBenchmark(SyntheticSuite suite, int runs, Figures figures)
{
    private const double TargetMicroseconds = 5;

    public async Task RunAsync()
    {
        var features = SuiteRun.Parse(suite);
        var path = SuiteRun.MessagePath("dispatch");
        var writtenPath = SuiteRun.MessagePath("written");
        try
        {
            var envelopes = await RecordAsync(features);
            var minimal = PrepareMinimal(features);
            var timings = await InterleavedAsync(
                () => Measure.OnceAsync(SuiteRun.Prepare(suite, features, null), RunSuiteAsync),
                () => Measure.OnceAsync(SuiteRun.Prepare(suite, features, path), RunSuiteAsync),
                () => Measure.OnceAsync(SuiteRun.PrepareBound(suite, features, path), RunSuiteAsync),
                () => Measure.OnceAsync(envelopes, list => WriteAsync(list, writtenPath)),
                () => Measure.OnceAsync(minimal, MinimalDispatch));
            var (withoutMessages, withMessages, preBound, written, reference) = (timings[0], timings[1], timings[2], timings[3], timings[4]);
            var steps = suite.StepCount;
            var jsonPerStep = new FileInfo(writtenPath).Length / steps;
            Console.WriteLine($"Dispatch per step ({steps} steps in {suite.ScenarioCount} scenarios, empty step methods; the whole run: header, scenarios, report), median of {runs} rounds, one run of each line per round:");
            Console.WriteLine($"  Alpy.Runner, no formatter            {withoutMessages.PerItem(steps)}   (dispatch: binding, scopes, hooks, arguments, invocation, outcomes)");
            Console.WriteLine($"  Alpy.Runner, NDJSON message file     {withMessages.PerItem(steps)}   (the suite's configuration: dispatch and the run's Cucumber Messages)");
            Console.WriteLine($"  Alpy.Runner, NDJSON, bound before    {preBound.PerItem(steps)}   (matching done before the timed run; with alpy.stopRunOnBindingErrors the check does it inside the run)");
            Console.WriteLine($"  the message file alone               {written.PerItem(steps)}   (the same run's {envelopes.Count} messages, {jsonPerStep} B of JSON per step, written as the runner writes them)");
            Console.WriteLine($"  reference: minimal dispatcher        {reference.PerItem(steps)}   (regex match, int.Parse, MethodInfo.Invoke per step)");
            Console.WriteLine($"  ratio runner (none) / ref. (cpu)     {withoutMessages.Cpu / reference.Cpu,8:0.0}");
            Console.WriteLine($"  ratio runner (NDJSON) / ref. (cpu)   {withMessages.Cpu / reference.Cpu,8:0.0}");
            Console.WriteLine($"  target <= 5 µs per step (cpu median): dispatch (no formatter) {Verdict(withoutMessages, steps)}; with the message file {Verdict(withMessages, steps)}");
            figures.Add("dispatch, whole run / steps, no formatter", withoutMessages.Cpu.TotalMicroseconds / steps, "µs", TargetMicroseconds);
            figures.Add("message file, whole run / steps", withMessages.Cpu.TotalMicroseconds / steps, "µs", TargetMicroseconds);
            figures.Add("message file, bound before, whole run / steps", preBound.Cpu.TotalMicroseconds / steps, "µs");
            figures.Add("the message file alone, per step", written.Cpu.TotalMicroseconds / steps, "µs");
            figures.Add("reference: minimal dispatcher", reference.Cpu.TotalMicroseconds / steps, "µs");
        }
        finally
        {
            File.Delete(path);
            File.Delete(writtenPath);
        }
    }

    private static string Verdict(Timing timing, int steps) => timing.Cpu.TotalMicroseconds / steps <= TargetMicroseconds ? "met" : "not met";

    /// <summary>
    /// Warm-ups of every configuration until the JIT is quiet, then <c>runs</c> rounds of one timed
    /// run each, starting one configuration later every round (so none always follows another);
    /// the median of each configuration's runs.
    /// </summary>
    private async Task<Timing[]> InterleavedAsync(params Func<Task<Timing>>[] configurations)
    {
        await Measure.WarmUpAsync(async () =>
        {
            foreach (var configuration in configurations)
            {
                await configuration();
            }
        }, configurations.Length);

        var samples = configurations.Select(_ => new List<Timing>()).ToArray();
        for (var round = 0; round < runs; round++)
        {
            for (var i = 0; i < configurations.Length; i++)
            {
                var which = (round + i) % configurations.Length;
                samples[which].Add(await configurations[which]());
            }
        }

        return samples.Select(Measure.Median).ToArray();
    }

    /// <summary>The envelopes of one run of the suite's configuration, as its message formatter receives them.</summary>
    private async Task<IReadOnlyList<Envelope>> RecordAsync(FeatureFile[] features)
    {
        var recorder = new RecordingFormatter();
        var run = StandaloneRun.Create(features, [suite.Bindings], formatters: [recorder], ids: new IncrementingIdGenerator(), outputPaths: new Dictionary<Formatter, string?> { [recorder] = null });
        await RunSuiteAsync(run);
        return recorder.Envelopes;
    }

    private static Task WriteAsync(IReadOnlyList<Envelope> envelopes, string path)
    {
        var formatter = new MessageFormatter();
        formatter.Start(new FormatterContext(formatter.Name, path, new Dictionary<string, string>(), null, "Alpy.Bench.Runner"));
        for (var i = 0; i < envelopes.Count; i++)
        {
            formatter.Write(envelopes[i]);
        }

        formatter.Close();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The least a runner must do per step: find the definition (known in advance), match its
    /// regex, convert the argument, call the method. Only the loop is timed.
    /// </summary>
    private (object Target, (Regex Regex, System.Reflection.MethodInfo Method)[] Definitions, (string Text, int Index)[] Steps) PrepareMinimal(FeatureFile[] features)
    {
        var definitions = Enumerable.Range(0, suite.StepDefinitionCount)
            .Select(i => (new Regex("^" + Regex.Escape(SyntheticSuite.StepPrefix(i)) + @"(\d+) requests$"), suite.Bindings.GetMethod($"Step{i}")!))
            .ToArray();
        var steps = features.SelectMany(f => f.Scenarios).SelectMany(s => s.Steps)
            .Select(s => (s.Text, int.Parse(s.Text.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        return (Activator.CreateInstance(suite.Bindings)!, definitions, steps);
    }

    private static Task MinimalDispatch((object Target, (Regex Regex, System.Reflection.MethodInfo Method)[] Definitions, (string Text, int Index)[] Steps) prepared)
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

    /// <summary>Keeps every envelope a run sends.</summary>
    private sealed class RecordingFormatter : Formatter
    {
        public List<Envelope> Envelopes { get; } = [];

        public override string Name => "recorder";

        public override void Write(Envelope envelope) => Envelopes.Add(envelope);
    }
}
