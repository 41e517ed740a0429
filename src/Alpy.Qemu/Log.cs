using Microsoft.Extensions.Logging;

namespace Alpy.Qemu;

/// <summary>Every log message of Alpy.Qemu, declared once (source-generated). Quiet by default: milestones at
/// Information, the rest at Debug or Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Starting QEMU {Name} (its command line is in {CommandLineFile})")]
    public static partial void QemuStarting(ILogger logger, string name, string commandLineFile);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "QEMU {Name} started (pid {Pid}, {Accelerator}) in {ElapsedMs:0} ms")]
    public static partial void QemuStarted(ILogger logger, string name, int pid, QemuAccelerator accelerator, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "QEMU {Name} (pid {Pid}) exited with {ExitCode}")]
    public static partial void QemuExited(ILogger logger, string name, int pid, int exitCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "QEMU {Name} (pid {Pid}) did not quit within {TimeoutMs:0} ms; killing it")]
    public static partial void QemuKilled(ILogger logger, string name, int pid, double timeoutMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Accelerator {Accelerator}: {Reason}")]
    public static partial void AcceleratorChosen(ILogger logger, QemuAccelerator accelerator, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "{Console}: `{Command}` exited with {ExitCode} after {ElapsedMs:0} ms")]
    public static partial void CommandRan(ILogger logger, string console, string command, int exitCode, double elapsedMs);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "{Name} connected (QEMU {Version})")]
    public static partial void QmpConnected(ILogger logger, string name, Qmp.QmpVersion version);

    [LoggerMessage(EventId = 8, Level = LogLevel.Trace, Message = "{Name} answered `{Command}`")]
    public static partial void QmpCommandAnswered(ILogger logger, string name, string command);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug, Message = "{Name} event {Event}")]
    public static partial void QmpEventReceived(ILogger logger, string name, string @event);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "{Name} sent something unexpected: {What}")]
    public static partial void QmpUnreadable(ILogger logger, string name, string what);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "A handler of {Name} event {Event} threw")]
    public static partial void QmpEventHandlerFailed(ILogger logger, Exception exception, string name, string @event);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Cleaning up after QEMU {Name} failed: {Reason}")]
    public static partial void CleanupFailed(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Boot image {Name} ready: {Manifest} in {ElapsedMs:0} ms")]
    public static partial void BootImageReady(ILogger logger, string name, string manifest, double elapsedMs);
}
