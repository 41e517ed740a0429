using System.Net;

namespace Alpy.Docker;

/// <summary>
/// A Docker request failed. Carries the daemon's own message and the HTTP status (null when no answer came)
/// so that callers can explain the failure to people.
/// </summary>
public class DockerException : Exception
{
    public DockerException(string message, HttpStatusCode? statusCode = null, string? daemonMessage = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        DaemonMessage = daemonMessage;
    }

    /// <summary>The HTTP status of the daemon's answer, or null when there was no answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The daemon's message (the <c>message</c> field of its error answer), when it gave one.</summary>
    public string? DaemonMessage { get; }
}
