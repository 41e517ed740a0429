using System.Globalization;

namespace Alpy.Specs.Steps.Values;

/// <summary>
/// A node by its place in the topology: <c>node 1</c> is link 1's host, <c>node 1.10</c> the host on VLAN 10 of
/// link 1. Whether the scenario's topology has it is checked when the node is used.
/// </summary>
public sealed record NodeRef(int Link, int? Vlan)
{
    /// <summary>The highest link number a lab may have.</summary>
    public const int MaxLink = Alpy.Lab.Topology.LabTopology.MaxLinks - 1;

    /// <summary>Parses what follows "node ": <c>1</c> or <c>1.10</c>.</summary>
    /// <exception cref="StepValueException">Not such a number.</exception>
    public static NodeRef Parse(string? text)
    {
        const string hint = "write node LINK or node LINK.VLAN, e.g. node 0 or node 1.10.";
        if (string.IsNullOrEmpty(text) || text.Length > 8)
            throw StepValueException.Invalid("node " + text, "a node", hint);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var linkText = dot < 0 ? text : text[..dot];
        var link = Number(linkText, 0, MaxLink) ?? throw StepValueException.Invalid("node " + text, "a node", $"the link number must be 0 to {MaxLink}; {hint}");
        if (dot < 0)
            return new NodeRef(link, null);
        var vlan = Number(text[(dot + 1)..], Lab.Topology.VlanSpec.MinId, Lab.Topology.VlanSpec.MaxId)
            ?? throw StepValueException.Invalid("node " + text, "a node", $"the VLAN id must be {Lab.Topology.VlanSpec.MinId} to {Lab.Topology.VlanSpec.MaxId}; {hint}");
        return new NodeRef(link, vlan);
    }

    public override string ToString() => Vlan is null
        ? string.Create(CultureInfo.InvariantCulture, $"node {Link}")
        : string.Create(CultureInfo.InvariantCulture, $"node {Link}.{Vlan}");

    internal static int? Number(string text, int min, int max) =>
        text.Length is > 0 and <= 4 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
        && int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is var n && n >= min && n <= max
            ? n
            : null;
}
