using System.Text;
using Alpy.Lab.Topology;

namespace Alpy.Specs.Steps.Topology;

/// <summary>
/// A topology as canonical text, so that scenarios with the same links share one lab (the lab's records hold
/// immutable arrays, which compare by reference).
/// </summary>
public static class TopologyKey
{
    public static string Of(LabTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var text = new StringBuilder();
        for (var i = 0; i < topology.Links.Length; i++)
        {
            var link = topology.Links[i];
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"link {i}: {Plan4(link.Ipv4)}{Plan6(link.Ipv6)}");
            foreach (var vlan in link.Vlans.OrderBy(v => v.Id))
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"; vlan {vlan.Id}: {Plan4(vlan.Ipv4)}{Plan6(vlan.Ipv6)}");
            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Plan4(SubnetPlan? plan) => plan is null ? "no IPv4" : Plan(plan);

    private static string Plan6(SubnetPlan? plan) => plan is null ? "" : " + " + Plan(plan);

    private static string Plan(SubnetPlan plan) => $"{plan.Subnet} dut {plan.DutAddress} hosts {string.Join(' ', plan.NodeAddresses)}";
}
