using System.Globalization;

namespace Alpy.Bench.Docker;

/// <summary>The timings of one way of doing the thing measured, in milliseconds.</summary>
/// <remarks><paramref name="settle"/> runs after each sample, untimed: what the measured thing leaves going on in the background
/// (the lab removes a finished app while its result is returned) must not slow the rows measured after it.</remarks>
internal sealed class Measurement(string name, Func<Task> run, Func<Task>? settle = null)
{
    public List<double> Samples { get; } = [];

    public string Name => name;

    public double Median => Percentile(0.5);

    public async Task SampleAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await run();
        Samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (settle is not null)
            await settle();
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
