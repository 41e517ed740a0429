using System.Buffers.Binary;
using System.Net;

namespace Alpy.Capture;

/// <summary>An ARP (or RARP) message; a view of the frame's bytes.</summary>
public readonly struct ArpPacket
{
    private readonly ReadOnlyMemory<byte> _bytes;

    internal ArpPacket(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    /// <summary>1 for Ethernet.</summary>
    public ushort HardwareType => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span);

    /// <summary><see cref="EtherType.Ipv4"/> for IPv4 over Ethernet.</summary>
    public EtherType ProtocolType => (EtherType)BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[2..]);

    public byte HardwareLength => _bytes.Span[4];

    public byte ProtocolLength => _bytes.Span[5];

    public ArpOperation Operation => (ArpOperation)BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[6..]);

    /// <summary>Null unless hardware addresses are 6 bytes long.</summary>
    public MacAddress? SenderHardwareAddress => Mac(8);

    /// <summary>Null unless protocol addresses are IPv4 or IPv6 sized.</summary>
    public IPAddress? SenderProtocolAddress => Ip(8 + HardwareLength);

    public MacAddress? TargetHardwareAddress => Mac(8 + HardwareLength + ProtocolLength);

    public IPAddress? TargetProtocolAddress => Ip(8 + (2 * HardwareLength) + ProtocolLength);

    private MacAddress? Mac(int offset) => HardwareLength == 6 ? new MacAddress(_bytes.Span[offset..]) : null;

    private IPAddress? Ip(int offset) => ProtocolLength is 4 or 16 ? new IPAddress(_bytes.Span.Slice(offset, ProtocolLength)) : null;
}
