namespace Alpy.Docker;

/// <summary>
/// How the daemon hosts a container: namespaces, capabilities, devices, limits. Deliberately without
/// <c>Privileged</c>: containers get the capabilities they need through <see cref="CapAdd"/>, no more.
/// </summary>
public sealed record HostConfig
{
    /// <summary><c>none</c>, <c>host</c>, <c>container:ID</c> or a network name; see <see cref="NamespaceMode"/>.</summary>
    public string? NetworkMode { get; init; }

    /// <summary><c>host</c> or <c>container:ID</c> to share another process namespace; see <see cref="NamespaceMode"/>.</summary>
    public string? PidMode { get; init; }

    /// <summary>Capabilities to add, e.g. <c>NET_ADMIN</c>.</summary>
    public IReadOnlyList<string>? CapAdd { get; init; }

    /// <summary>Capabilities to drop, e.g. <c>ALL</c>.</summary>
    public IReadOnlyList<string>? CapDrop { get; init; }

    /// <summary>Host devices to expose, e.g. <c>/dev/net/tun</c>.</summary>
    public IReadOnlyList<DeviceMapping>? Devices { get; init; }

    /// <summary>The daemon removes the container when it exits (its logs go with it).</summary>
    public bool AutoRemove { get; init; }

    /// <summary>Runs an init process (docker-init) as PID 1 that reaps zombies and forwards signals.</summary>
    public bool? Init { get; init; }

    /// <summary>Bind mounts as <c>host-path:container-path[:ro]</c>.</summary>
    public IReadOnlyList<string>? Binds { get; init; }

    /// <summary>Memory limit in bytes (0 or null: none).</summary>
    public long? Memory { get; init; }

    /// <summary>Memory plus swap limit in bytes (-1: unlimited swap).</summary>
    public long? MemorySwap { get; init; }

    /// <summary>CPU limit in billionths of a CPU.</summary>
    public long? NanoCpus { get; init; }

    /// <summary>Limit on the number of processes.</summary>
    public long? PidsLimit { get; init; }

    /// <summary>Security options such as <c>no-new-privileges</c>.</summary>
    public IReadOnlyList<string>? SecurityOpt { get; init; }

    public bool ReadonlyRootfs { get; init; }

    /// <summary>tmpfs mounts: container path to mount options.</summary>
    public IReadOnlyDictionary<string, string>? Tmpfs { get; init; }

    /// <summary>Namespaced kernel parameters, e.g. <c>net.ipv6.conf.all.disable_ipv6=1</c>.</summary>
    public IReadOnlyDictionary<string, string>? Sysctls { get; init; }
}
