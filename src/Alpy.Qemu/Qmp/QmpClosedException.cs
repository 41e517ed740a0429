namespace Alpy.Qemu.Qmp;

/// <summary>The QMP connection ended (QEMU is gone) while a command or an event wait needed it.</summary>
public sealed class QmpClosedException : QmpException
{
    public QmpClosedException(string command, string message, Exception? innerException = null)
        : base(command, null, "the QMP connection closed", message, innerException)
    {
    }
}
