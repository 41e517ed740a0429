using Microsoft.Extensions.Logging;

namespace Alpy.Lab;

/// <summary>Every log message of the lab engine, declared once (source-generated).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Teardown step '{Step}' failed: {Reason}")]
    public static partial void TeardownStepFailed(ILogger logger, string step, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Helper {Name} ({Purpose}) exited with {ExitCode}")]
    public static partial void HelperRan(ILogger logger, string name, string purpose, long exitCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Could not remove container {Id}: {Reason}")]
    public static partial void RemoveFailed(ILogger logger, string id, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Reaper: {Report}")]
    public static partial void Reaped(ILogger logger, Runs.ReapReport report);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "App {Name} in {Node} exited with {ExitCode} after {Milliseconds:0} ms")]
    public static partial void AppRan(ILogger logger, string name, string node, long exitCode, double milliseconds);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "App {Name} started in the background in {Node}")]
    public static partial void AppStarted(ILogger logger, string name, string node);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Lab {Run} is up: {Links} link(s); artifacts in {Folder}")]
    public static partial void LabUp(ILogger logger, string run, int links, string folder);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Lab {Run} reset in {Elapsed}")]
    public static partial void LabReset(ILogger logger, string run, TimeSpan elapsed);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Lab {Run} is down (teardown {Elapsed})")]
    public static partial void LabDown(ILogger logger, string run, TimeSpan elapsed);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not write {Path}: {Reason}")]
    public static partial void RecordNotSaved(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "DUT {Dut} restored from {File}")]
    public static partial void DutRestored(ILogger logger, string dut, string file);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "DUT {Dut}: restoring {File} failed, so it is deleted and the DUT boots cold: {Reason}")]
    public static partial void RestoreFailed(ILogger logger, string dut, string file, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "DUT {Dut}: state {Key} saved for the next lab")]
    public static partial void StateSaved(ILogger logger, string dut, string key);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "DUT {Dut}: its state could not be saved (the next lab boots cold): {Reason}")]
    public static partial void StateNotSaved(ILogger logger, string dut, string reason);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "DUT {Dut}: no saved states this time: {Reason}")]
    public static partial void SnapshotsOff(ILogger logger, string dut, string reason);
}
