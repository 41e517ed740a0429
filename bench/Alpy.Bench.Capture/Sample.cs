namespace Alpy.Bench.Capture;

/// <summary>One timed run: how long it took, what it allocated on the managed heap, the peak resident memory, and how much of it the run added.</summary>
internal sealed record Sample(TimeSpan Elapsed, long Allocated, long PeakResident, long ResidentGrowth);
