using System.Collections.Concurrent;
using System.Diagnostics;

namespace Alpy.Lab.Artifacts;

/// <summary>Measures named phases, also when they run in parallel, for lab.json and the benchmark.</summary>
internal sealed class PhaseClock
{
    private readonly ConcurrentQueue<PhaseTiming> _phases = new();

    private string? _failed;

    public IReadOnlyList<PhaseTiming> Phases => [.. _phases];

    /// <summary>The first phase that threw, for an error message that says where bring-up broke.</summary>
    public string? Failed => _failed;

    public async Task TimeAsync(string name, Func<Task> phase)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await phase().ConfigureAwait(false);
        }
        catch when (Fail(name))
        {
            throw;
        }
        _phases.Enqueue(new PhaseTiming(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
    }

    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> phase)
    {
        var started = Stopwatch.GetTimestamp();
        T result;
        try
        {
            result = await phase().ConfigureAwait(false);
        }
        catch when (Fail(name))
        {
            throw;
        }
        _phases.Enqueue(new PhaseTiming(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return result;
    }

    // An exception filter: records the phase without catching, so the stack trace stays the thrower's.
    private bool Fail(string name)
    {
        Interlocked.CompareExchange(ref _failed, name, null);
        return false;
    }

    public void Record(string name, TimeSpan elapsed) => _phases.Enqueue(new PhaseTiming(name, elapsed.TotalMilliseconds));
}
