using Microsoft.Extensions.Logging;

namespace Alpy.Docker;

/// <summary>Every log message of Alpy.Docker, declared once (source-generated).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Docker at {Endpoint} speaks API {DaemonVersion}; using {ChosenVersion}")]
    public static partial void ApiVersionNegotiated(ILogger logger, string endpoint, DockerApiVersion daemonVersion, DockerApiVersion chosenVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Trace, Message = "Docker {Method} {Path} answered {Status} after {Elapsed}")]
    public static partial void RequestCompleted(ILogger logger, string method, string path, int status, TimeSpan elapsed);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Container {Id} ({Image}) exited with {ExitCode} after {ElapsedMs:0} ms")]
    public static partial void ContainerRan(ILogger logger, string id, string image, long exitCode, double elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Imported image {Reference} as {ImageId}")]
    public static partial void ImageImported(ILogger logger, string reference, string imageId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Could not remove container {Id} after its run: {Reason}")]
    public static partial void CleanupFailed(ILogger logger, string id, string reason);
}
