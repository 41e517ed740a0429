using System.Collections.Immutable;

namespace Alpy.Lab.Topology;

/// <summary>
/// One DUT link: a NIC of the DUT wired to one node container. Links are numbered by their
/// position in <see cref="LabTopology.Links"/>; the DUT names its interfaces in that order.
/// </summary>
public sealed record LinkSpec
{
    /// <summary>The link's IPv4 subnet, the DUT's and the node's addresses on it; null on an IPv6-only link.</summary>
    public SubnetPlan? Ipv4 { get; init; }

    /// <summary>The link's IPv6 subnet, if the link carries IPv6. A link has at least one of the two.</summary>
    public SubnetPlan? Ipv6 { get; init; }

    /// <summary>802.1Q VLANs carried tagged on this link, each with a node of its own.</summary>
    public ImmutableArray<VlanSpec> Vlans { get; init; } = [];

    /// <summary>Every subnet plan of this link itself (not of its VLANs), IPv4 first.</summary>
    internal IEnumerable<SubnetPlan> Plans => new[] { Ipv4, Ipv6 }.OfType<SubnetPlan>();
}
