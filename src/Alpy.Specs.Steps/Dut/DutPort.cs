using System.Globalization;

namespace Alpy.Specs.Steps.Dut;

/// <summary>One of the DUT's interfaces in the topology's words: link 1, or VLAN 10 on link 1.</summary>
public sealed record DutPort(int Link, int? Vlan = null)
{
    public override string ToString() => Vlan is null
        ? string.Create(CultureInfo.InvariantCulture, $"link {Link}")
        : string.Create(CultureInfo.InvariantCulture, $"VLAN {Vlan} on link {Link}");
}
