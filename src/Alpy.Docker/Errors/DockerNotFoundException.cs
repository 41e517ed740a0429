using System.Net;

namespace Alpy.Docker;

/// <summary>The daemon answered 404: no such container, image or exec instance.</summary>
public sealed class DockerNotFoundException : DockerException
{
    public DockerNotFoundException(string message, string? daemonMessage = null)
        : base(message, HttpStatusCode.NotFound, daemonMessage)
    {
    }

}
