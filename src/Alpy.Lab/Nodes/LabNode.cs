using System.Net;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Nodes;

/// <summary>
/// A node container: it holds the network namespace of one DUT link (or of one VLAN on a link),
/// where the link's tap lives, configured with the node's addresses and a default route via the
/// DUT. App containers run in this namespace.
/// </summary>
public sealed record LabNode
{
    /// <summary>The node's name in the lab: <c>node0</c>, or <c>node0.vlan10</c> for VLAN 10 on link 0.</summary>
    public required string Name { get; init; }

    /// <summary>The Docker container holding the namespace.</summary>
    public required string ContainerId { get; init; }

    /// <summary>The Docker container's name (<c>alpy-RUN-node0</c>).</summary>
    public required string ContainerName { get; init; }

    /// <summary>The index of the DUT link this node is wired to.</summary>
    public required int Link { get; init; }

    /// <summary>The VLAN id for a VLAN node; null for a link's own node.</summary>
    public int? VlanId { get; init; }

    /// <summary>The node's interface (a tap) towards the DUT.</summary>
    public required string Interface { get; init; }

    /// <summary>The node's IPv4 subnet plan (its addresses, the DUT's address as gateway); null on an IPv6-only link.</summary>
    public SubnetPlan? Ipv4 { get; init; }

    /// <summary>The node's IPv6 plan, if its link carries IPv6. A node has at least one of the two.</summary>
    public SubnetPlan? Ipv6 { get; init; }

    /// <summary>The node's primary address: its primary IPv4 address, or its primary IPv6 address on an IPv6-only link.</summary>
    public IPAddress Address => Primary.NodeAddress;

    /// <summary>The DUT's address on this node's subnet (the node's default gateway), of the same family as <see cref="Address"/>.</summary>
    public IPAddress DutAddress => Primary.DutAddress;

    private SubnetPlan Primary => Ipv4 ?? Ipv6 ?? throw new InvalidOperationException($"Node {Name} has neither an IPv4 nor an IPv6 plan.");

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Address} on {Interface})";
}
