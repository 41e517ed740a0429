namespace Alpy.Docker;

/// <summary>A host device exposed in a container.</summary>
/// <param name="PathOnHost">The device on the host, e.g. <c>/dev/net/tun</c>.</param>
/// <param name="PathInContainer">Where it appears in the container.</param>
/// <param name="CgroupPermissions">The device cgroup's permissions: <c>r</c>, <c>w</c>, <c>m</c> (mknod).</param>
public sealed record DeviceMapping(string PathOnHost, string PathInContainer, string CgroupPermissions = "rwm")
{
    /// <summary>The same path on the host and in the container.</summary>
    public static DeviceMapping Same(string path) => new(path, path);
}
