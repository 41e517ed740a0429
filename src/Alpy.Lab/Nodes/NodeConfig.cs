using System.Net.Sockets;
using System.Text;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Nodes;

/// <summary>
/// What a node runs: a fixed script (no value from a topology or feature file is ever part of it)
/// that waits until its tap has been moved into its namespace, applies an <c>ip -batch</c> file
/// made from the topology, says <c>ready</c> and idles. Addresses reach <c>ip</c> as validated
/// <see cref="System.Net.IPAddress"/> text only.
/// </summary>
internal static class NodeConfig
{
    /// <summary>The line the node prints once its interface is configured.</summary>
    public const string ReadyLine = "ready";

    public const string ScriptPath = "/alpy/node-up";

    /// <summary>Waits at most 30 s (1500 × 20 ms) for the tap, so a failed move ends the node with a reason.</summary>
    public const string Script = """
        # alpy node: wait for the tap, configure it, report, idle (stdin stays open: cat never ends).
        read -r link </alpy/link
        n=0
        while [ ! -e "/sys/class/net/$link" ]; do
          n=$((n + 1))
          if [ "$n" -gt 1500 ]; then
            echo "alpy-node: interface $link did not appear in this namespace within 30 s" >&2
            exit 1
          fi
          sleep 0.02
        done
        /sbin/ip -batch /alpy/node.batch || exit 1
        echo ready
        exec cat
        """;

    public static string Batch(string tap, SubnetPlan? ipv4, SubnetPlan? ipv6)
    {
        var batch = new StringBuilder();
        batch.Append("link set dev ").Append(tap).Append(" up\n");
        foreach (var plan in new[] { ipv4, ipv6 }.OfType<SubnetPlan>())
        {
            var v6 = plan.Subnet.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;
            for (var i = 0; i < plan.NodeAddresses.Length; i++)
            {
                batch.Append("address add ").Append(plan.InterfaceAddress(plan.NodeAddresses[i])).Append(" dev ").Append(tap);
                // IPv6 picks the newest address as a source, IPv4 the first (the others are secondary): the node's further
                // IPv6 addresses are deprecated, so that its own traffic, and a wildcard server's replies, come from its
                // primary address in both families. A deprecated address still receives, and sends when bound to.
                if (v6)
                    batch.Append(i == 0 ? " nodad" : " nodad preferred_lft 0");
                batch.Append('\n');
            }
        }
        // A default route per family the link has: an IPv6-only node has no IPv4 route at all.
        if (ipv4 is not null)
            batch.Append("route add default via ").Append(ipv4.DutAddress).Append('\n');
        if (ipv6 is not null)
            batch.Append("route add ::/0 via ").Append(ipv6.DutAddress).Append('\n');
        return batch.ToString();
    }
}
