namespace Alpy.Docker;

/// <summary>Values of <see cref="HostConfig.NetworkMode"/> and <see cref="HostConfig.PidMode"/>.</summary>
public static class NamespaceMode
{
    /// <summary>A network namespace of its own with loopback only.</summary>
    public const string None = "none";

    /// <summary>The host's namespace.</summary>
    public const string Host = "host";

    /// <summary>Another container's namespace: how app containers join a node's network.</summary>
    public static string Container(string containerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        return "container:" + containerId;
    }
}
