using Microsoft.Extensions.Logging;

namespace Alpy.Lab.Images;

/// <summary>Log messages of the image builder, declared once (source-generated).</summary>
internal static partial class ImageLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Image {Reference} exists; reusing it")]
    public static partial void Reused(ILogger logger, string reference);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Built image {Reference} ({Entries} entries) in {Elapsed}")]
    public static partial void Built(ILogger logger, string reference, int entries, TimeSpan elapsed);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Stale image {Id} is still used by a container; keeping it: {Reason}")]
    public static partial void StaleImageInUse(ILogger logger, string id, string reason);
}
