namespace Alpy.Qemu;

/// <summary>
/// Machine options that cannot work: a missing QEMU binary or kernel, a bad MAC address, a socket path too
/// long for a unix socket... <see cref="ArgumentException.ParamName"/> names the option; the message names
/// the fix.
/// </summary>
public sealed class QemuOptionsException : ArgumentException
{
    public QemuOptionsException(string message, string optionName)
        : base(message, optionName)
    {
    }
}
