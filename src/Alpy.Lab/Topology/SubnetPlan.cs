using System.Collections.Immutable;
using System.Net;

namespace Alpy.Lab.Topology;

/// <summary>
/// One subnet of the lab and who lives on it: the DUT's address and the node's address(es).
/// A node may hold several addresses, e.g. two backends on one link for load balancing.
/// </summary>
/// <param name="Subnet">The subnet, e.g. 192.168.0.0/24 (host bits must be zero).</param>
/// <param name="DutAddress">The DUT's address on this subnet; the node's default gateway.</param>
/// <param name="NodeAddresses">The node's addresses on this subnet; the first is its primary address.</param>
public sealed record SubnetPlan(IPNetwork Subnet, IPAddress DutAddress, ImmutableArray<IPAddress> NodeAddresses)
{
    /// <summary>The node's primary address (the first of <see cref="NodeAddresses"/>).</summary>
    public IPAddress NodeAddress => NodeAddresses[0];

    /// <summary>
    /// Parses a plan from text, e.g. <c>SubnetPlan.Parse("192.168.0.0/24", "192.168.0.1", "192.168.0.2")</c>.
    /// Only the syntax is checked here; <see cref="LabTopology.Validate"/> checks the plan as a whole.
    /// </summary>
    /// <exception cref="InvalidTopologyException">A value is not a CIDR or an IP address.</exception>
    public static SubnetPlan Parse(string subnet, string dutAddress, params string[] nodeAddresses)
    {
        ArgumentNullException.ThrowIfNull(nodeAddresses);
        return new SubnetPlan(
            Cidr.Parse(subnet, "subnet"),
            Cidr.ParseAddress(dutAddress, "DUT address"),
            [.. nodeAddresses.Select(a => Cidr.ParseAddress(a, "node address"))]);
    }

    /// <summary>The DUT's address with the subnet's prefix length, as interfaces are configured (e.g. 192.168.0.1/24).</summary>
    public string DutInterfaceAddress => $"{DutAddress}/{Subnet.PrefixLength}";

    /// <summary>A node address with the subnet's prefix length (e.g. 192.168.0.2/24).</summary>
    public string InterfaceAddress(IPAddress nodeAddress) => $"{nodeAddress}/{Subnet.PrefixLength}";
}
