namespace Alpy.Bench.Capture;

/// <summary>One timed run: how long it took, what it allocated on the managed heap, and the peak resident memory.</summary>
internal sealed record Sample(TimeSpan Elapsed, long Allocated, long PeakResident);
