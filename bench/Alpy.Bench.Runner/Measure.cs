using System.Diagnostics;

namespace Alpy.Bench.Runner;

/// <summary>
/// Medians of repeated timings, each run after one untimed warm-up. Reports wall time and the
/// process's CPU time: on a shared machine the wall time grows with the other users' load, the
/// CPU time much less, so both are shown.
/// </summary>
internal static class Measure
{
    public static Task<Timing> MedianAsync(int runs, Func<Task> action) => MedianAsync(runs, () => action, run => run());

    /// <summary>Times only <paramref name="action"/>; <paramref name="prepare"/> runs untimed before each.</summary>
    public static async Task<Timing> MedianAsync<T>(int runs, Func<T> prepare, Func<T, Task> action)
    {
        await action(prepare());
        var walls = new List<TimeSpan>();
        var cpus = new List<TimeSpan>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            var prepared = prepare();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await action(prepared);
            walls.Add(watch.Elapsed);
            process.Refresh();
            cpus.Add(process.TotalProcessorTime - cpu);
        }

        walls.Sort();
        cpus.Sort();
        return new Timing(walls[walls.Count / 2], cpus[cpus.Count / 2]);
    }

    public static string Ms(TimeSpan time) => $"{time.TotalMilliseconds,8:0.0} ms";

    public static string Us(double microseconds) => $"{microseconds,8:0.00} µs";
}

/// <summary>A median wall time and a median CPU time.</summary>
internal sealed record Timing(TimeSpan Wall, TimeSpan Cpu)
{
    public string Ms => $"wall {Measure.Ms(Wall)}   cpu {Measure.Ms(Cpu)}";

    public string PerItem(int items) => $"wall {Measure.Us(Wall.TotalMicroseconds / items)}   cpu {Measure.Us(Cpu.TotalMicroseconds / items)}";
}
