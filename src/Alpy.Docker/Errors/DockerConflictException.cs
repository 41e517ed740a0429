using System.Net;

namespace Alpy.Docker;

/// <summary>The daemon answered 409: a name is taken, an image is in use, a removal is already in progress.</summary>
public sealed class DockerConflictException : DockerException
{
    public DockerConflictException(string message, string? daemonMessage = null)
        : base(message, HttpStatusCode.Conflict, daemonMessage)
    {
    }

}
