using Microsoft.Extensions.Logging;

namespace Alpy.Lab;

/// <summary>Every log message of the lab engine, declared once (source-generated).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Teardown step '{Step}' failed: {Reason}")]
    public static partial void TeardownStepFailed(ILogger logger, string step, string reason);
}
