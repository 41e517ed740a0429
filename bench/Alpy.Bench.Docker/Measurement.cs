using System.Globalization;

namespace Alpy.Bench.Docker;

/// <summary>The timings of one way of doing the thing measured, in milliseconds.</summary>
internal sealed class Measurement(string name, Func<Task> run)
{
    public List<double> Samples { get; } = [];

    public string Name => name;

    public double Median => Percentile(0.5);

    public async Task SampleAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await run();
        Samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public double Percentile(double p)
    {
        var sorted = Samples.Order().ToArray();
        var at = p * (sorted.Length - 1);
        var low = (int)Math.Floor(at);
        var high = (int)Math.Ceiling(at);
        return sorted[low] + ((sorted[high] - sorted[low]) * (at - low));
    }

    public string Row(double reference) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name,-72} | {Median,8:0.0} | {Percentile(0.25),7:0.0} | {Percentile(0.75),7:0.0} | {Median / reference,5:0.00} |");
}
