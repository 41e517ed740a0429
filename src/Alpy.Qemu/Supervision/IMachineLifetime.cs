namespace Alpy.Qemu;

/// <summary>
/// The life of the machine behind a console or QMP connection, so that a wait fails fast when the machine
/// died and says why (exit code, stderr and console tails) instead of timing out or reporting a bare closed
/// socket.
/// </summary>
internal interface IMachineLifetime
{
    /// <summary>Completes when the machine has stopped.</summary>
    Task Stopped { get; }

    /// <summary>The exception to throw when the machine stopped while <paramref name="activity"/> was under way.</summary>
    Exception StoppedDuring(string activity);
}
