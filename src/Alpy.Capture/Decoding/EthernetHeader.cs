using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>An Ethernet II or 802.3 header with its VLAN tags; a view of the frame's bytes.</summary>
public readonly struct EthernetHeader
{
    private readonly ReadOnlyMemory<byte> _frame;

    internal EthernetHeader(ReadOnlyMemory<byte> frame, int vlanCount)
    {
        _frame = frame;
        Vlans = new VlanTagList(frame, 12, 14, vlanCount);
    }

    public MacAddress Destination => new(_frame.Span);

    public MacAddress Source => new(_frame.Span[6..]);

    /// <summary>The tags between the addresses and the type, outermost first.</summary>
    public VlanTagList Vlans { get; }

    /// <summary>Header length including tags: 14 + 4 per tag.</summary>
    public int HeaderLength => 14 + (4 * Vlans.Count);

    /// <summary>The type field after the last tag: the protocol of the payload, or an 802.3 length when 1500 or less.</summary>
    public ushort TypeOrLength => BinaryPrimitives.ReadUInt16BigEndian(_frame.Span[(HeaderLength - 2)..]);

    /// <summary>The payload's protocol; null for 802.3 frames, whose type field is a length.</summary>
    public EtherType? EtherType => TypeOrLength > 1500 ? (EtherType)TypeOrLength : null;
}
