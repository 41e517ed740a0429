namespace Alpy.Qemu.Qmp;

/// <summary>QEMU did not answer a QMP command (or show an awaited event) in time.</summary>
public sealed class QmpTimeoutException : QmpException
{
    public QmpTimeoutException(string command, TimeSpan timeout, string message)
        : base(command, null, $"no answer within {timeout.TotalSeconds:0.###} s", message)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
