namespace Alpy.Qemu.Serial;

/// <summary>The console's connection ended (the machine behind it is gone) while a wait needed it.</summary>
public sealed class ConsoleClosedException : SerialConsoleException
{
    public ConsoleClosedException(string message, string consoleTail, Exception? innerException = null)
        : base(message, consoleTail, innerException)
    {
    }
}
