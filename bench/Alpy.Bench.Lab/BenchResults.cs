using System.Globalization;

namespace Alpy.Bench.Lab;

/// <summary>Samples per metric, printed as a table of medians with targets and ratios to a reference.</summary>
internal sealed class BenchResults
{
    private readonly Dictionary<string, List<double>> _ms = [];
    private readonly Dictionary<string, List<double>> _bytes = [];

    public void Add(string metric, TimeSpan elapsed) => Samples(_ms, metric).Add(elapsed.TotalMilliseconds);

    public void AddBytes(string metric, long bytes) => Samples(_bytes, metric).Add(bytes);

    public void Print(IReadOnlyDictionary<string, (double Target, string Reference)> targets)
    {
        Console.WriteLine();
        Console.WriteLine($"{"metric",-42} {"median",10} {"min",10} {"max",10} {"n",4} {"target",10} {"vs ref",8}");
        foreach (var (metric, samples) in _ms)
        {
            var median = Median(samples);
            var target = targets.TryGetValue(metric, out var t) ? $"≤ {t.Target:0} ms" : "";
            var ratio = t.Reference is { Length: > 0 } && _ms.TryGetValue(t.Reference, out var reference) ? $"{median / Median(reference):0.00}×" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{metric,-42} {median,7:0} ms {samples.Min(),7:0} ms {samples.Max(),7:0} ms {samples.Count,4} {target,10} {ratio,8}"));
        }
        foreach (var (metric, samples) in _bytes)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{metric,-42} {Median(samples) / 1048576,7:0} MB {samples.Min() / 1048576,7:0} MB {samples.Max() / 1048576,7:0} MB {samples.Count,4} {(metric.StartsWith("peak", StringComparison.Ordinal) ? "≤ 400 MB" : ""),10}"));
    }

    private static List<double> Samples(Dictionary<string, List<double>> table, string metric)
    {
        if (!table.TryGetValue(metric, out var samples))
            table[metric] = samples = [];
        return samples;
    }

    private static double Median(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
