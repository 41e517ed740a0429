namespace Alpy.Lab;

/// <summary>
/// The labels every Docker object of a lab carries, so that a run's objects can be listed, and
/// reaped after a crash, by label alone.
/// </summary>
public static class LabLabels
{
    /// <summary>The run id (six characters of [a-z0-9]).</summary>
    public const string Run = "alpy.run";

    /// <summary>
    /// The user id of the process that made the container: users share the Docker daemon but not their run registries
    /// (each has its own), so a reaper touches only containers of its own user.
    /// </summary>
    public const string Owner = "alpy.uid";

    /// <summary>What the container is: one of <see cref="Node"/>, <see cref="Helper"/>, <see cref="App"/>, <see cref="VlanBridge"/>.</summary>
    public const string Component = "alpy.component";

    /// <summary>The index of the DUT link a node or app belongs to.</summary>
    public const string Link = "alpy.link";

    /// <summary>The VLAN id of a VLAN node (absent on a link's own node).</summary>
    public const string Vlan = "alpy.vlan";

    /// <summary>A node container: holds a link's (or VLAN's) network namespace.</summary>
    public const string Node = "node";

    /// <summary>A short-lived container doing one privileged network step (NET_ADMIN only).</summary>
    public const string Helper = "helper";

    /// <summary>A container running a scenario's command in a node's namespace.</summary>
    public const string App = "app";

    /// <summary>The user-space 802.1Q bridge of a link with VLANs.</summary>
    public const string VlanBridge = "vlan-bridge";

    internal static Dictionary<string, string> For(Runs.RunId run, string component, int? link = null, int? vlan = null)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Run] = run.Value,
            [Component] = component,
            [Owner] = Native.GetEffectiveUserId().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (link is { } l)
            labels[Link] = l.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (vlan is { } v)
            labels[Vlan] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return labels;
    }
}
