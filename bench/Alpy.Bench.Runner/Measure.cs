using System.Diagnostics;

namespace Alpy.Bench.Runner;

/// <summary>
/// Medians of repeated timings, run after untimed warm-ups. Reports wall time, the
/// process's CPU time (all its threads: the garbage collector's and the JIT's too) and bytes
/// allocated: on a shared machine the wall time grows with the other users' load, the CPU time
/// much less and the allocations not at all, so all three are shown.
/// </summary>
internal static class Measure
{
    /// <summary>
    /// Untimed runs before the timed ones, at least. With one, the JIT's tiered recompilation (in the
    /// background, after 30 calls and a pause) still ran during the first timed runs: the first
    /// configuration measured looked up to 4x slower than the same code measured later.
    /// </summary>
    public const int WarmUps = 3;

    /// <summary>
    /// Warm-ups go on (up to this many) until <see cref="QuietRuns"/> in a row each compile at most
    /// <see cref="QuietJitMethods"/> methods. Three were not enough: the tiered JIT kept recompiling
    /// for ten runs and more, 50 to 260 ms of a 50 ms run's CPU, in random runs; and one quiet run
    /// was not either, as the JIT recompiles in bursts after a pause (docs/runner.md, fourth pass).
    /// </summary>
    public const int MaxWarmUps = 40;

    public const int QuietRuns = 3;

    /// <summary>A run that compiles this few methods is warm (the DI container compiles a few per run, as it is built per run).</summary>
    public const int QuietJitMethods = 10;

    /// <summary>Runs <paramref name="warmUp"/> <see cref="WarmUps"/> times, then until the JIT is quiet; <paramref name="runsPerWarmUp"/> is how many runs one call makes.</summary>
    public static async Task WarmUpAsync(Func<Task> warmUp, int runsPerWarmUp = 1)
    {
        var quiet = 0;
        for (var i = 1; i <= MaxWarmUps; i++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await warmUp();
            quiet = System.Runtime.JitInfo.GetCompiledMethodCount() - before <= QuietJitMethods * runsPerWarmUp ? quiet + 1 : 0;
            if (i >= WarmUps && quiet >= QuietRuns)
            {
                return;
            }
        }
    }

    public static Task<Timing> MedianAsync(int runs, Func<Task> action) => MedianAsync(runs, () => action, run => run());

    /// <summary>Times only <paramref name="action"/>; <paramref name="prepare"/> runs untimed before each.</summary>
    public static async Task<Timing> MedianAsync<T>(int runs, Func<T> prepare, Func<T, Task> action)
    {
        await WarmUpAsync(() => action(prepare()));

        var samples = new List<Timing>();
        for (var i = 0; i < runs; i++)
        {
            samples.Add(await OnceAsync(prepare(), action));
        }

        return Median(samples);
    }

    /// <summary>One timed run of <paramref name="action"/> on a prepared value, after a full garbage collection.</summary>
    public static async Task<Timing> OnceAsync<T>(T prepared, Func<T, Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = ProcessCpu.Now();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await action(prepared);
        var wall = watch.Elapsed;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new Timing(wall, ProcessCpu.Now() - cpu, bytes);
    }

    /// <summary>The median of each of the three figures separately.</summary>
    public static Timing Median(IReadOnlyList<Timing> samples)
    {
        var walls = samples.Select(s => s.Wall).Order().ToArray();
        var cpus = samples.Select(s => s.Cpu).Order().ToArray();
        var allocations = samples.Select(s => s.Allocated).Order().ToArray();
        return new Timing(walls[walls.Length / 2], cpus[cpus.Length / 2], allocations[allocations.Length / 2]);
    }

    public static string Ms(TimeSpan time) => $"{time.TotalMilliseconds,8:0.0} ms";

    public static string Us(double microseconds) => $"{microseconds,8:0.00} µs";
}

/// <summary>A median wall time, a median CPU time and the median of the bytes allocated (all threads).</summary>
internal sealed record Timing(TimeSpan Wall, TimeSpan Cpu, long Allocated)
{
    public string Ms => $"wall {Measure.Ms(Wall)}   cpu {Measure.Ms(Cpu)}";

    public string PerItem(int items) => $"wall {Measure.Us(Wall.TotalMicroseconds / items)}   cpu {Measure.Us(Cpu.TotalMicroseconds / items)}   {Allocated / items,6:0} B";
}
