using System.Collections.Concurrent;
using System.Diagnostics;

namespace Alpy.Lab.Artifacts;

/// <summary>Measures named phases, also when they run in parallel, for lab.json and the benchmark.</summary>
internal sealed class PhaseClock
{
    private readonly ConcurrentQueue<PhaseTiming> _phases = new();

    public IReadOnlyList<PhaseTiming> Phases => [.. _phases];

    public async Task TimeAsync(string name, Func<Task> phase)
    {
        var started = Stopwatch.GetTimestamp();
        await phase().ConfigureAwait(false);
        _phases.Enqueue(new PhaseTiming(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
    }

    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> phase)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await phase().ConfigureAwait(false);
        _phases.Enqueue(new PhaseTiming(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return result;
    }

    public void Record(string name, TimeSpan elapsed) => _phases.Enqueue(new PhaseTiming(name, elapsed.TotalMilliseconds));
}
