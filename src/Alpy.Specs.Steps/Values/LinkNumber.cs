namespace Alpy.Specs.Steps.Values;

/// <summary>A link number as written after "link ": 0 to 15. Whether the topology has it is checked when used.</summary>
public static class LinkNumber
{
    /// <exception cref="StepValueException">Not a number from 0 to 15.</exception>
    public static int Parse(string? text) =>
        text is not null && NodeRef.Number(text, 0, NodeRef.MaxLink) is { } link
            ? link
            : throw StepValueException.Invalid("link " + text, "a link", $"write link N with N from 0 to {NodeRef.MaxLink}, e.g. link 1.");

    /// <summary>A VLAN id: 1 to 4094.</summary>
    /// <exception cref="StepValueException">Not such a number.</exception>
    public static int ParseVlan(string? text) =>
        text is not null && NodeRef.Number(text, Lab.Topology.VlanSpec.MinId, Lab.Topology.VlanSpec.MaxId) is { } vlan
            ? vlan
            : throw StepValueException.Invalid("VLAN " + text, "a VLAN", $"VLAN ids are {Lab.Topology.VlanSpec.MinId} to {Lab.Topology.VlanSpec.MaxId}, e.g. VLAN 10.");
}
