namespace Alpy.Qemu;

/// <summary>
/// Base of every failure of Alpy.Qemu. Messages say what failed, where (machine name, socket, file) and what
/// to do next; subclasses carry the evidence (exit code, stderr tail, console tail) as properties too.
/// </summary>
public class QemuException : Exception
{
    public QemuException(string message)
        : base(message)
    {
    }

    public QemuException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
