namespace Alpy.Lab.Topology;

/// <summary>
/// An 802.1Q VLAN on a link: the DUT has a VLAN sub-interface with id <see cref="Id"/>, and the
/// lab gives the VLAN a node container of its own whose frames travel tagged on the link.
/// </summary>
public sealed record VlanSpec
{
    /// <summary>The lowest valid VLAN id.</summary>
    public const int MinId = 1;

    /// <summary>The highest valid VLAN id (4095 is reserved by 802.1Q).</summary>
    public const int MaxId = 4094;

    /// <summary>The VLAN id, 1..4094, unique on its link.</summary>
    public required int Id { get; init; }

    /// <summary>The VLAN's IPv4 subnet, the DUT's and the VLAN node's addresses on it; null on an IPv6-only VLAN.</summary>
    public SubnetPlan? Ipv4 { get; init; }

    /// <summary>The VLAN's IPv6 subnet, if it carries IPv6. A VLAN has at least one of the two.</summary>
    public SubnetPlan? Ipv6 { get; init; }

    /// <summary>Every subnet plan of this VLAN, IPv4 first.</summary>
    internal IEnumerable<SubnetPlan> Plans => new[] { Ipv4, Ipv6 }.OfType<SubnetPlan>();
}
