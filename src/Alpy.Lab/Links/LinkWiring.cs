using System.Text;
using Alpy.Lab.Docker;
using Alpy.Lab.Helpers;
using Alpy.Lab.Nodes;
using Alpy.Lab.Runs;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Links;

/// <summary>
/// Wires the DUT's links as alpy does: a tap per link created on the host (so QEMU can open it),
/// a node container per link and per VLAN, then each tap moved into its node, which configures it.
/// VLANs travel tagged on their link's tap through the link's VLAN bridge.
/// </summary>
internal sealed class LinkWiring(LabTopology topology, TapPlan taps, HelperRunner helpers, NodeLauncher launcher,
    VlanBridgeLauncher bridges, LabTimeouts timeouts)
{
    private readonly List<LabNode> _nodes = [];

    /// <summary>The nodes, links first (in link order), then VLAN nodes.</summary>
    public IReadOnlyList<LabNode> Nodes => _nodes;

    /// <summary>Creates every link's tap in the host namespace with one helper (owned by <paramref name="uid"/> so QEMU may open it without root).</summary>
    public Task CreateHostTapsAsync(uint uid, CancellationToken cancellationToken)
    {
        var batch = new StringBuilder();
        foreach (var tap in taps.LinkTaps)
            batch.Append("tuntap add dev ").Append(tap).Append(" mode tap user ").Append(uid).Append('\n');
        return helpers.RunAsync(new HelperJob
        {
            Purpose = $"create taps {string.Join(", ", taps.LinkTaps)}",
            Argv = [ToolsLayout.Ip, "-batch", HelperRunner.InputDirectory + "/taps.batch"],
            Files = [ArchiveFile.FromText("taps.batch", batch.ToString())],
            NeedsTun = true,
            Fix = "The helper needs /dev/net/tun and CAP_NET_ADMIN; check that the tun module is loaded (ls /dev/net/tun) and that no other tap has this name (ip link).",
        }, cancellationToken);
    }

    /// <summary>Deletes this run's taps still in the host namespace (none once they were moved); quick when there are none.</summary>
    public async Task DeleteLeftoverHostTapsAsync(RunId run, CancellationToken cancellationToken)
    {
        var left = HostTaps.List().Where(t => t.Run == run).Select(t => t.Name).ToList();
        if (left.Count == 0)
            return;
        await helpers.RunAsync(new HelperJob
        {
            Purpose = $"delete taps {string.Join(", ", left)}",
            Argv = [ToolsLayout.Ip, "-force", "-batch", HelperRunner.InputDirectory + "/delete.batch"],
            Files = [ArchiveFile.FromText("delete.batch", string.Concat(left.Select(t => $"link delete dev {t}\n")))],
            Fix = "Delete them as root: ip link delete dev NAME (or run `alpy lab reap`).",
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates and starts every node (links and VLANs) in parallel; they wait for their taps.</summary>
    public async Task StartNodesAsync(CancellationToken cancellationToken)
    {
        var starts = new List<Task<LabNode>>();
        for (var i = 0; i < topology.Links.Length; i++)
        {
            var link = topology.Links[i];
            starts.Add(launcher.StartAsync($"node{i}", i, null, taps.LinkTaps[i], link.Ipv4, link.Ipv6, cancellationToken));
        }
        foreach (var (index, vlan) in topology.AllVlans)
            starts.Add(launcher.StartAsync($"node{index}.vlan{vlan.Id}", index, vlan.Id, taps.VlanTaps[(index, vlan.Id)], vlan.Ipv4, vlan.Ipv6, cancellationToken));
        try
        {
            await Task.WhenAll(starts).ConfigureAwait(false);
        }
        finally
        {
            // Whatever started is recorded (teardown removes the run's containers by label either way).
            _nodes.AddRange(starts.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }
    }

    /// <summary>
    /// After QEMU opened the link taps: moves each into its node and waits for the node to configure
    /// it; then, per link with VLANs, starts the VLAN bridge and moves each VLAN tap into its node.
    /// Links proceed in parallel.
    /// </summary>
    public Task ConnectAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, topology.Links.Length).Select(i => ConnectLinkAsync(i, cancellationToken)));

    private async Task ConnectLinkAsync(int index, CancellationToken cancellationToken)
    {
        var node = _nodes.Single(n => n.Link == index && n.VlanId is null);
        await helpers.RunAsync(NodeLauncher.MoveTap(node.Interface, node, "host"), cancellationToken).ConfigureAwait(false);
        await launcher.WaitReadyAsync(node, timeouts.Node, cancellationToken).ConfigureAwait(false);

        var vlanNodes = _nodes.Where(n => n.Link == index && n.VlanId is not null).ToList();
        if (vlanNodes.Count == 0)
            return;
        await bridges.StartAsync(node, [.. vlanNodes.Select(v => (v.VlanId!.Value, v.Interface))], timeouts.Node, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(vlanNodes.Select(async vlanNode =>
        {
            await helpers.RunAsync(NodeLauncher.MoveTap(vlanNode.Interface, vlanNode, "container:" + node.ContainerId), cancellationToken)
                .ConfigureAwait(false);
            await launcher.WaitReadyAsync(vlanNode, timeouts.Node, cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }
}
