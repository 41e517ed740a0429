using System.Net;

namespace Alpy.Specs.Steps.Values;

/// <summary>
/// Who takes part in traffic: a node (<c>node 1</c>, <c>node 1.10</c>) or one address of a node
/// (<c>host 192.168.1.3</c>, e.g. one of two backends on a link). Resolved against the topology when used.
/// </summary>
public sealed record HostRef(NodeRef? Node, IPAddress? Address)
{
    /// <summary>From the step's text: the node part or the address part of <c>node N[.V]</c> / <c>host ADDRESS</c>.</summary>
    public static HostRef Parse(string? node, string? address) =>
        !string.IsNullOrEmpty(node) ? new HostRef(NodeRef.Parse(node), null)
        : !string.IsNullOrEmpty(address) ? new HostRef(null, IpAddressText.Parse(address))
        : throw StepValueException.Invalid(node ?? address, "a node or host", "write node 0, node 1.10 or host 192.168.1.3.");

    public override string ToString() => Node?.ToString() ?? $"host {Address}";
}
