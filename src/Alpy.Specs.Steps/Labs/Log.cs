using Microsoft.Extensions.Logging;

namespace Alpy.Specs.Steps.Labs;

/// <summary>The lab pool's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Lab {RunId} booted in {Seconds:0.0} s for scenario \"{Scenario}\"")]
    public static partial void Booted(ILogger logger, string runId, double seconds, string scenario);

    [LoggerMessage(2, LogLevel.Warning, "Lab {RunId} did not reset ({Reason}); booting a new one")]
    public static partial void ResetFailed(ILogger logger, string runId, string reason);

    [LoggerMessage(3, LogLevel.Information, "Lab {RunId} is kept for investigation: {Why}")]
    public static partial void Kept(ILogger logger, string runId, string why);

    [LoggerMessage(4, LogLevel.Warning, "A lab teardown step failed: {Reason}")]
    public static partial void TeardownFailed(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Lab {RunId} broke ({Death}); it is torn down and the next scenario gets a new one")]
    public static partial void LabBroke(ILogger logger, string runId, string death);
}
