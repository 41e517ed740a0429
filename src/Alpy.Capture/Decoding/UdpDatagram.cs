using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>A UDP header and its payload; a view of the frame's bytes.</summary>
public readonly struct UdpDatagram
{
    private readonly ReadOnlyMemory<byte> _bytes;

    internal UdpDatagram(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public ushort SourcePort => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span);

    public ushort DestinationPort => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[2..]);

    /// <summary>The length field: header plus payload, as sent.</summary>
    public ushort Length => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[4..]);

    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[6..]);

    /// <summary>The data after the header, as far as the UDP length, the IP length and the capture go.</summary>
    public ReadOnlyMemory<byte> Payload => _bytes[8..Math.Clamp(Length, 8, _bytes.Length)];
}
