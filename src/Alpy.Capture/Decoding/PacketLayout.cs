namespace Alpy.Capture;

/// <summary>Offsets of the layers of one frame, as found by <see cref="PacketDecoder"/>; the views read fields on demand.</summary>
internal struct PacketLayout
{
    public LinkType LinkType;
    public int OriginalLength;

    /// <summary>Offset of the link header's protocol field (Ethernet type, SLL protocol); -1 when the link has none.</summary>
    public int TypeFieldOffset;

    /// <summary>Offset of the first byte after the link header (the first VLAN TCI when tagged).</summary>
    public int LinkPayloadOffset;

    public byte VlanCount;
    public bool HasEtherType;
    public ushort EtherType;

    public LayerKind Network;
    public int NetworkOffset;
    public int NetworkLength;

    public bool HasProtocol;
    public byte Protocol;
    public bool IsFragment;
    public bool IsLaterFragment;

    public LayerKind Transport;
    public int TransportOffset;
    public int TransportLength;

    public PacketProblem Problem;
}
