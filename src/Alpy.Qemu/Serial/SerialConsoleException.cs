namespace Alpy.Qemu.Serial;

/// <summary>A console operation failed; <see cref="ConsoleTail"/> holds the console's last lines (escaped),
/// which the message quotes as well.</summary>
public class SerialConsoleException : QemuException
{
    public SerialConsoleException(string message, string consoleTail, Exception? innerException = null)
        : base(message, innerException)
    {
        ConsoleTail = consoleTail;
    }

    public string ConsoleTail { get; }
}
