namespace Alpy.Qemu;

/// <summary>
/// QEMU is not running any more (it exited or was killed) while something still needed it: a start, a QMP
/// command, a console wait. Carries the exit code and the tails of QEMU's stderr and of the console.
/// </summary>
public sealed class QemuExitedException : QemuException
{
    public QemuExitedException(string message, int? exitCode, string stderrTail, string consoleTail, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
        StderrTail = stderrTail;
        ConsoleTail = consoleTail;
    }

    /// <summary>QEMU's exit code; negative when a signal killed it (-9 for SIGKILL); null when unknown.</summary>
    public int? ExitCode { get; }

    /// <summary>The last lines QEMU wrote to stderr.</summary>
    public string StderrTail { get; }

    /// <summary>The last lines of the serial console, escaped.</summary>
    public string ConsoleTail { get; }
}
