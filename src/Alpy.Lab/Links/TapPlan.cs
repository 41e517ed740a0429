using Alpy.Lab.Naming;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Links;

/// <summary>
/// Which tap serves which link or VLAN: link i gets tap <c>alpyRUNti</c>; VLAN taps are numbered
/// after the links, in <see cref="LabTopology.AllVlans"/> order.
/// </summary>
internal sealed class TapPlan
{
    public TapPlan(LabTopology topology, LabNames names)
    {
        LinkTaps = [.. Enumerable.Range(0, topology.Links.Length).Select(names.Tap)];
        VlanTaps = topology.AllVlans
            .Select((v, k) => (v.Link, v.Vlan.Id, Tap: names.Tap(topology.Links.Length + k)))
            .ToDictionary(v => (v.Link, v.Id), v => v.Tap);
    }

    /// <summary>The tap of each link, in link order; created on the host, opened by QEMU, then moved into the link's node.</summary>
    public IReadOnlyList<string> LinkTaps { get; }

    /// <summary>The tap of each VLAN, keyed by (link, VLAN id); created by the link's VLAN bridge, then moved into the VLAN's node.</summary>
    public IReadOnlyDictionary<(int Link, int Vlan), string> VlanTaps { get; }
}
