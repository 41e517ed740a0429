using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Alpy.Lab;

/// <summary>
/// Tears live labs down when the process is asked to stop (Ctrl-C, SIGTERM, SIGQUIT, SIGHUP), then
/// lets the signal end the process as it would have. A SIGKILL cannot be caught: the next lab's
/// reaper covers that case.
/// </summary>
internal static class SignalTeardown
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private static readonly ConcurrentDictionary<Lab, byte> Labs = new();
    private static readonly Lock Gate = new();
    private static List<PosixSignalRegistration>? _registrations;

    public static void Register(Lab lab)
    {
        Labs[lab] = 0;
        lock (Gate)
        {
            _registrations ??= [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }
                .Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];
        }
    }

    public static void Unregister(Lab lab) => Labs.TryRemove(lab, out _);

    private static void OnSignal(PosixSignalContext context)
    {
        // The handler blocks the signal's default action until every lab is down (bounded), then lets it proceed.
        var teardowns = Labs.Keys.Select(lab => lab.DisposeAsync().AsTask()).ToArray();
        try
        {
            Task.WaitAll(teardowns, Limit);
        }
        catch (AggregateException)
        {
            // Each lab reported its own teardown failures in its log; the process ends either way.
        }
        context.Cancel = false;
    }
}
