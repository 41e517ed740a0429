using System.Collections.Concurrent;
using Docker.DotNet;

namespace Alpy.Lab.Docker;

/// <summary>
/// Removals of containers that ran to their exit, kept off the result's path: a finished app's exit code and output are
/// returned as soon as they are read, while its container is removed (what the daemon's auto-removal did, but after the
/// exit code was read). Whoever must know them gone, a reset or a teardown, drains them first.
/// </summary>
internal sealed class ContainerRemovals(IDockerClient docker)
{
    private readonly ConcurrentDictionary<string, Task> _pending = new(StringComparer.Ordinal);

    /// <summary>The client the removals (and the runs that hand them over) use.</summary>
    public IDockerClient Docker => docker;

    /// <summary>Starts removing container <paramref name="id"/>. Never fails: what cannot be removed is left to reset, teardown and the reaper.</summary>
    public void Start(string id)
    {
        var removal = ContainerRun.RemoveAsync(docker, id);
        _pending[id] = removal;
        _ = removal.ContinueWith(_ => _pending.TryRemove(id, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits until every removal started so far has ended.</summary>
    public Task DrainAsync() => Task.WhenAll(_pending.Values);
}
