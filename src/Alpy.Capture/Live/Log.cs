using Microsoft.Extensions.Logging;

namespace Alpy.Capture;

/// <summary>The log messages of this library, declared once.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Capture {Name}: marked after frame {Frames} at byte {Offset}")]
    public static partial void Marked(ILogger logger, string name, long frames, long offset);

    [LoggerMessage(2, LogLevel.Warning, "Capture {Name}: {Path} is now {Length} bytes, shorter than the {Offset} bytes already read; it was truncated or recreated, reading it again from the start")]
    public static partial void Restarted(ILogger logger, string name, string path, long length, long offset);

    [LoggerMessage(3, LogLevel.Debug, "Capture {Name}: waiting up to {Timeout} for {What}")]
    public static partial void Waiting(ILogger logger, string name, TimeSpan timeout, string what);

    [LoggerMessage(4, LogLevel.Debug, "Capture {Name}: {What} found after {Elapsed}")]
    public static partial void Found(ILogger logger, string name, string what, TimeSpan elapsed);
}
