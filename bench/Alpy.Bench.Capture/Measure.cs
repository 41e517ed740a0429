using System.Diagnostics;

namespace Alpy.Bench.Capture;

/// <summary>Timing helpers: one sample per run, medians over runs.</summary>
internal static class Measure
{
    /// <summary>Times an in-process run, with its managed allocations and this process's peak resident memory during it.</summary>
    public static Sample Library(Func<long> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ProcessMemory.ResetPeak();
        long resident = ProcessMemory.Current();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        GC.KeepAlive(run());
        stopwatch.Stop();
        long peak = ProcessMemory.Peak();
        return new Sample(stopwatch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated, peak, peak - resident);
    }

    /// <summary>Times a child process; its memory is read from the children's peak afterwards.</summary>
    public static Sample Process(Func<TimeSpan> run) => new(run(), 0, 0, 0);

    public static TimeSpan Median(IReadOnlyList<Sample> samples)
    {
        var sorted = samples.Select(sample => sample.Elapsed).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
