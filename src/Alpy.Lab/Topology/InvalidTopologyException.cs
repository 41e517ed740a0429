namespace Alpy.Lab.Topology;

/// <summary>The topology description is wrong; the message names the bad value and how to fix it.</summary>
public sealed class InvalidTopologyException : ArgumentException
{
    public InvalidTopologyException(string message)
        : base("Invalid lab topology: " + message)
    {
    }

    public InvalidTopologyException()
    {
    }

    public InvalidTopologyException(string message, Exception innerException)
        : base("Invalid lab topology: " + message, innerException)
    {
    }
}
