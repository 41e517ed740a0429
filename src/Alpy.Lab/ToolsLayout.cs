namespace Alpy.Lab;

/// <summary>
/// Where the lab's tools image keeps the programs the lab calls by path. Busybox's shell runs its
/// own applets before PATH (its <c>ip</c> has no tuntap or netns), so iproute2's is named in full.
/// </summary>
internal static class ToolsLayout
{
    public const string Ip = "/sbin/ip";

    public const string Shell = "/bin/sh";

    public const string VlanBridge = "/usr/local/bin/alpy-vlan-bridge";
}
