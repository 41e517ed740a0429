using System.Net;
using System.Net.Sockets;

namespace Alpy.Lab.Topology;

/// <summary>The rules a topology must satisfy, each failing with a message that names the value and the fix.</summary>
internal static class TopologyValidator
{
    public static void Validate(LabTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        if (topology.Links.IsDefaultOrEmpty)
            throw new InvalidTopologyException("it has 0 links; give at least one link (the DUT's first interface).");
        if (topology.Links.Length > LabTopology.MaxLinks)
            throw new InvalidTopologyException(
                $"it has {topology.Links.Length} links; at most {LabTopology.MaxLinks} are supported.");

        var seen = new List<(string Where, SubnetPlan Plan)>();
        for (var i = 0; i < topology.Links.Length; i++)
        {
            var link = topology.Links[i] ?? throw new InvalidTopologyException($"link {i} is null.");
            CheckFamilies(link.Ipv4, link.Ipv6, $"link {i}", seen);
            CheckVlans(i, link, seen);
        }
    }

    private static void CheckVlans(int linkIndex, LinkSpec link, List<(string, SubnetPlan)> seen)
    {
        if (link.Vlans.IsDefault)
            throw new InvalidTopologyException($"link {linkIndex} has a default (uninitialised) VLAN list; use [] for none.");
        if (link.Vlans.Length > LabTopology.MaxVlansPerLink)
            throw new InvalidTopologyException(
                $"link {linkIndex} has {link.Vlans.Length} VLANs; at most {LabTopology.MaxVlansPerLink} are supported.");
        var ids = new HashSet<int>();
        foreach (var vlan in link.Vlans)
        {
            if (vlan is null)
                throw new InvalidTopologyException($"link {linkIndex} has a null VLAN.");
            if (vlan.Id is < VlanSpec.MinId or > VlanSpec.MaxId)
                throw new InvalidTopologyException(
                    $"link {linkIndex} VLAN id {vlan.Id} is out of range; VLAN ids are {VlanSpec.MinId}..{VlanSpec.MaxId}.");
            if (!ids.Add(vlan.Id))
                throw new InvalidTopologyException(
                    $"link {linkIndex} has VLAN id {vlan.Id} twice; give each VLAN on a link its own id.");
            CheckFamilies(vlan.Ipv4, vlan.Ipv6, $"link {linkIndex} VLAN {vlan.Id}", seen);
        }
    }

    /// <summary>A link or VLAN is IPv4-only, IPv6-only or dual-stack, never without an address.</summary>
    private static void CheckFamilies(SubnetPlan? ipv4, SubnetPlan? ipv6, string where, List<(string, SubnetPlan)> seen)
    {
        if (ipv4 is null && ipv6 is null)
            throw new InvalidTopologyException(
                $"{where} has neither an IPv4 nor an IPv6 subnet plan; give it an IPv4 one, an IPv6 one, or both (dual-stack).");
        if (ipv4 is not null)
            CheckPlan(ipv4, $"{where} IPv4", AddressFamily.InterNetwork, seen);
        if (ipv6 is not null)
            CheckPlan(ipv6, $"{where} IPv6", AddressFamily.InterNetworkV6, seen);
    }

    private static void CheckPlan(SubnetPlan plan, string where, AddressFamily family, List<(string Where, SubnetPlan Plan)> seen)
    {
        if (plan is null)
            throw new InvalidTopologyException($"{where}: the subnet plan is missing.");
        var subnet = plan.Subnet;
        var familyName = family == AddressFamily.InterNetwork ? "IPv4" : "IPv6";
        if (subnet.BaseAddress is null || subnet.BaseAddress.AddressFamily != family)
            throw new InvalidTopologyException($"{where}: subnet {subnet} is not an {familyName} subnet.");
        var hostBits = subnet.BaseAddress.GetAddressBytes().Length * 8 - subnet.PrefixLength;
        if (hostBits < 1)
            throw new InvalidTopologyException(
                $"{where}: subnet {subnet} has room for fewer than 2 hosts; use a shorter prefix (e.g. /24 or /64).");
        if (!Cidr.Mask(subnet.BaseAddress, subnet.PrefixLength).Equals(subnet.BaseAddress))
            throw new InvalidTopologyException($"{where}: subnet {subnet} has host bits set.");

        if (plan.NodeAddresses.IsDefaultOrEmpty)
            throw new InvalidTopologyException($"{where}: the node has no address; give it at least one in {subnet}.");
        if (plan.NodeAddresses.Length > LabTopology.MaxNodeAddresses)
            throw new InvalidTopologyException(
                $"{where}: the node has {plan.NodeAddresses.Length} addresses; at most {LabTopology.MaxNodeAddresses} are supported.");

        var addresses = new HashSet<IPAddress>();
        CheckAddress(plan.DutAddress, "DUT address", where, subnet, addresses);
        foreach (var node in plan.NodeAddresses)
            CheckAddress(node, "node address", where, subnet, addresses);

        foreach (var (otherWhere, other) in seen)
            if (Cidr.Overlap(subnet, other.Subnet))
                throw new InvalidTopologyException(
                    $"{where}: subnet {subnet} overlaps {otherWhere}'s subnet {other.Subnet}; give every link and VLAN a subnet of its own.");
        seen.Add((where, plan));
    }

    private static void CheckAddress(IPAddress? address, string what, string where, IPNetwork subnet, HashSet<IPAddress> used)
    {
        if (address is null)
            throw new InvalidTopologyException($"{where}: the {what} is missing.");
        if (!subnet.Contains(address))
            throw new InvalidTopologyException(
                $"{where}: {what} {address} is outside subnet {subnet}; choose an address inside it.");
        if (Cidr.IsReserved(subnet, address))
            throw new InvalidTopologyException(
                $"{where}: {what} {address} is the network or broadcast address of {subnet}; choose a host address.");
        if (!used.Add(address))
            throw new InvalidTopologyException(
                $"{where}: address {address} is used twice; every DUT and node address must be unique.");
    }
}
