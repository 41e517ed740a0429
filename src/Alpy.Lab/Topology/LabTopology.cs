using System.Collections.Immutable;

namespace Alpy.Lab.Topology;

/// <summary>
/// What the lab wires: the DUT's links in order, each with its subnet(s), addresses and VLANs.
/// Immutable; <see cref="Validate"/> checks it once and names the bad value and the fix.
/// </summary>
public sealed record LabTopology
{
    /// <summary>The most links a lab may have (each is a NIC on the DUT's PCI bus and a node container).</summary>
    public const int MaxLinks = 16;

    /// <summary>The most VLANs per link (each is a node container and a tap).</summary>
    public const int MaxVlansPerLink = 16;

    /// <summary>The most addresses one node may hold on one subnet.</summary>
    public const int MaxNodeAddresses = 16;

    /// <summary>The DUT's links, in the order of its interfaces (link 0 is the DUT's first NIC).</summary>
    public required ImmutableArray<LinkSpec> Links { get; init; }

    /// <summary>
    /// The conventional plan for <paramref name="linkCount"/> links: link i is 192.168.i.0/24 with
    /// the DUT at .1 and the node at .2 (and, with <paramref name="ipv6"/>, 2001:db8:i::/64, a documentation prefix, with ::1 and ::2).
    /// </summary>
    public static LabTopology WithLinks(int linkCount, bool ipv6 = false)
    {
        if (linkCount is < 1 or > MaxLinks)
            throw new InvalidTopologyException(
                $"a lab needs 1..{MaxLinks} links, not {linkCount}; give the number of DUT interfaces to wire.");
        return new LabTopology
        {
            Links = [.. Enumerable.Range(0, linkCount).Select(i => new LinkSpec
            {
                Ipv4 = SubnetPlan.Parse($"192.168.{i}.0/24", $"192.168.{i}.1", $"192.168.{i}.2"),
                Ipv6 = ipv6 ? SubnetPlan.Parse($"2001:db8:{i:x}::/64", $"2001:db8:{i:x}::1", $"2001:db8:{i:x}::2") : null,
            })],
        };
    }

    /// <summary>Every VLAN of every link with the index of its link, in link order.</summary>
    public IEnumerable<(int Link, VlanSpec Vlan)> AllVlans =>
        Links.SelectMany((link, index) => link.Vlans.Select(vlan => (index, vlan)));

    /// <summary>Checks the whole topology; returns it for chaining.</summary>
    /// <exception cref="InvalidTopologyException">What is wrong, where (link, VLAN), and what to do.</exception>
    public LabTopology Validate()
    {
        TopologyValidator.Validate(this);
        return this;
    }
}
