using System.Text.RegularExpressions;
using Alpy.Runner.Execution;
using Alpy.Runner.Features;

namespace Alpy.Bench.Runner;

/// <summary>
/// Discovery + dry run as a run does it before any hook: parse every feature, find and compile
/// the bindings, bind every step. Reference: the naive way, every step against every definition's
/// regex, measured in the same run.
/// </summary>
internal sealed class DryRunBenchmark(SyntheticSuite suite, int runs, Figures figures)
{
    public async Task RunAsync()
    {
        var unbound = 0;
        var dryRun = await Measure.MedianAsync(runs, () =>
        {
            var run = StandaloneRun.Create(suite.Features, [suite.Bindings], ids: new IncrementingIdGenerator());
            var report = run.DryRun();
            unbound = report.Undefined.Count + report.Ambiguous.Count;
            return Task.CompletedTask;
        });

        var regexes = Enumerable.Range(0, suite.StepDefinitionCount).Select(i => new Regex("^" + Regex.Escape(SyntheticSuite.StepPrefix(i)) + @"(\d+) requests$")).ToArray();
        var texts = suite.Features.SelectMany(f => FeatureParser.Parse(f.Uri, f.Source, null, new IncrementingIdGenerator()).Scenarios).SelectMany(s => s.Steps).Select(s => s.Text).ToArray();
        var naive = await Measure.MedianAsync(runs, () =>
        {
            foreach (var text in texts)
            {
                foreach (var regex in regexes)
                {
                    regex.IsMatch(text);
                }
            }

            return Task.CompletedTask;
        });

        Console.WriteLine("Discovery + dry run (parse, scan bindings, bind every step), median:");
        Console.WriteLine($"  Alpy.Runner                          {dryRun.Ms}   ({unbound} unbound steps; target <= 2000 ms)");
        Console.WriteLine($"  reference: every step x every regex  {naive.Ms}   (matching alone, no parsing)");
        Console.WriteLine($"  ratio runner / reference (cpu)       {dryRun.Cpu / naive.Cpu,8:0.00}");
        figures.Add("discovery + dry run", dryRun.Cpu.TotalMilliseconds, "ms", 2000);
        figures.Add("reference: every step x every regex", naive.Cpu.TotalMilliseconds, "ms");
        Console.WriteLine();
    }
}
