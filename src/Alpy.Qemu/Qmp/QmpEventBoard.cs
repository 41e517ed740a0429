namespace Alpy.Qemu.Qmp;

/// <summary>
/// The events of one QMP connection: the most recent ones (bounded), and the waits for the next event of a
/// name. A wait is registered before anything is awaited, so that an event that follows a command at once is
/// never missed; once the connection closed, no wait can be registered any more.
/// </summary>
internal sealed class QmpEventBoard(int capacity)
{
    private readonly object _sync = new();
    private readonly Queue<QmpEvent> _recent = new();
    private readonly List<Waiter> _waiters = [];
    private bool _closed;

    public IReadOnlyList<QmpEvent> Recent
    {
        get
        {
            lock (_sync)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>A wait for the next event called <paramref name="name"/>, or null when the connection has closed.</summary>
    public Waiter? Register(string name)
    {
        var waiter = new Waiter(name, new TaskCompletionSource<QmpEvent>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_sync)
        {
            if (_closed)
            {
                return null;
            }

            _waiters.Add(waiter);
            return waiter;
        }
    }

    public void Unregister(Waiter waiter)
    {
        lock (_sync)
        {
            _waiters.Remove(waiter);
        }
    }

    /// <summary>Keeps <paramref name="received"/> among the recent events and completes the waits for it.</summary>
    public void Publish(QmpEvent received)
    {
        List<Waiter> woken;
        lock (_sync)
        {
            _recent.Enqueue(received);
            while (_recent.Count > capacity)
            {
                _recent.Dequeue();
            }

            woken = _waiters.Where(w => string.Equals(w.Name, received.Name, StringComparison.Ordinal)).ToList();
            _waiters.RemoveAll(woken.Contains);
        }

        foreach (var waiter in woken)
        {
            waiter.Completion.TrySetResult(received);
        }
    }

    /// <summary>Refuses further waits and returns the pending ones, for the caller to fail.</summary>
    public IReadOnlyList<Waiter> Close()
    {
        lock (_sync)
        {
            _closed = true;
            var pending = _waiters.ToList();
            _waiters.Clear();
            return pending;
        }
    }

    public sealed record Waiter(string Name, TaskCompletionSource<QmpEvent> Completion);
}
