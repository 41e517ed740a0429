namespace Alpy.Qemu.Qmp;

/// <summary>QEMU answered a QMP command with an error; <see cref="ErrorClass"/> and <see cref="Description"/> are
/// QMP's <c>error.class</c> and <c>error.desc</c>, which the message quotes.</summary>
public class QmpException : QemuException
{
    public QmpException(string command, string? errorClass, string description, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Command = command;
        ErrorClass = errorClass;
        Description = description;
    }

    public string Command { get; }

    /// <summary>QMP's error class (e.g. "GenericError", "CommandNotFound"); null when the failure is not QEMU's answer.</summary>
    public string? ErrorClass { get; }

    public string Description { get; }
}
