namespace Alpy.Docker;

/// <summary>A Docker request or wait did not finish within its timeout.</summary>
public sealed class DockerTimeoutException : DockerException
{
    public DockerTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, null, null, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }
}
