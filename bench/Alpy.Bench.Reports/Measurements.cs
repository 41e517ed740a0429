using System.Diagnostics;
using System.Globalization;

namespace Alpy.Bench.Reports;

/// <summary>Named samples and their medians, printed as a table with ratios to a named reference.</summary>
internal sealed class Measurements
{
    private readonly Dictionary<string, List<double>> _samples = [];
    private readonly List<string> _order = [];

    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var result = await work();
        Add(name, clock.Elapsed.TotalMilliseconds);
        return result;
    }

    public void Add(string name, double value)
    {
        if (!_samples.TryGetValue(name, out var list))
        {
            _samples[name] = list = [];
            _order.Add(name);
        }

        list.Add(value);
    }

    public double Median(string name)
    {
        var sorted = _samples[name].Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public void Print(string unit, IReadOnlyDictionary<string, string> references)
    {
        foreach (var name in _order)
        {
            var ratio = references.TryGetValue(name, out var reference) ? $"  {Median(name) / Median(reference):0.00}× {reference}" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-58} {Median(name),10:0.0} {unit}  (n={_samples[name].Count}){ratio}"));
        }
    }
}
