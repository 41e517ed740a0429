namespace Alpy.Qemu.Serial;

/// <summary>The console did not show what a wait looked for in time (a prompt, a ready marker, the end of a
/// command).</summary>
public sealed class ConsoleTimeoutException : SerialConsoleException
{
    public ConsoleTimeoutException(string message, string consoleTail, TimeSpan timeout)
        : base(message, consoleTail)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
