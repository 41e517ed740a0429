namespace Alpy.Capture;

/// <summary>One 802.1Q / 802.1ad tag.</summary>
/// <param name="Tpid">The tag protocol identifier: <see cref="EtherType.Vlan"/> (0x8100), <see cref="EtherType.QinQ"/> (0x88a8) or 0x9100.</param>
/// <param name="Priority">Priority code point (PCP), 0–7.</param>
/// <param name="DropEligible">The drop eligible indicator (DEI) bit.</param>
/// <param name="Id">VLAN identifier, 0–4095.</param>
public readonly record struct VlanTag(EtherType Tpid, byte Priority, bool DropEligible, ushort Id);
