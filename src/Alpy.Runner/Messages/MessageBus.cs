namespace Alpy.Runner.Messages;

/// <summary>
/// Hands every envelope to every formatter in one order, one at a time (scenarios of different
/// features may run in parallel). A formatter that throws is switched off and reported, so a
/// broken report never breaks the run.
/// </summary>
internal sealed class MessageBus
{
    private readonly object gate = new();
    private readonly List<Formatter> formatters;
    private readonly List<string> failures = [];

    public MessageBus(IEnumerable<Formatter> formatters) => this.formatters = formatters.ToList();

    /// <summary>Formatters that failed, with why, for the run's output.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (gate)
            {
                return failures.ToArray();
            }
        }
    }

    /// <summary>No formatter listens (none configured, or all switched off): callers need not build messages.</summary>
    public bool IsEmpty => formatters.Count == 0;

    public void Publish(Envelope envelope)
    {
        if (formatters.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            for (var i = formatters.Count - 1; i >= 0; i--)
            {
                try
                {
                    formatters[i].Write(envelope);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add($"The {formatters[i].Name} formatter failed and was switched off: {e.Message}");
                    formatters.RemoveAt(i);
                }
            }
        }
    }
}
