using System.Buffers.Binary;
using System.Net;

namespace Alpy.Capture;

/// <summary>An IPv4 header and its payload (as far as the total length and the capture go); a view of the frame's bytes.</summary>
public readonly struct Ipv4Packet
{
    private readonly ReadOnlyMemory<byte> _bytes;

    internal Ipv4Packet(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public int Version => _bytes.Span[0] >> 4;

    /// <summary>Header length in bytes, options included.</summary>
    public int HeaderLength => (_bytes.Span[0] & 0x0F) * 4;

    public byte TypeOfService => _bytes.Span[1];

    /// <summary>Differentiated services code point: the upper six bits of the TOS byte.</summary>
    public int Dscp => TypeOfService >> 2;

    /// <summary>Explicit congestion notification: the lower two bits of the TOS byte.</summary>
    public int Ecn => TypeOfService & 3;

    /// <summary>The total length field: header plus payload, as sent.</summary>
    public ushort TotalLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[2..]);

    public ushort Identification => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[4..]);

    public bool DontFragment => (_bytes.Span[6] & 0x40) != 0;

    public bool MoreFragments => (_bytes.Span[6] & 0x20) != 0;

    /// <summary>Offset of this fragment's data in the original datagram, in bytes.</summary>
    public int FragmentOffset => (BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[6..]) & 0x1FFF) * 8;

    /// <summary>Whether this packet is a fragment (more fragments follow, or it is not the first).</summary>
    public bool IsFragment => MoreFragments || FragmentOffset != 0;

    public byte TimeToLive => _bytes.Span[8];

    public IpProtocol Protocol => (IpProtocol)_bytes.Span[9];

    public ushort HeaderChecksum => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[10..]);

    /// <summary>Whether the header checksum is right.</summary>
    public bool HasValidHeaderChecksum => InternetChecksum.IsValid(InternetChecksum.Add(0, _bytes.Span[..HeaderLength]));

    public IPAddress Source => new(_bytes.Span.Slice(12, 4));

    public IPAddress Destination => new(_bytes.Span.Slice(16, 4));

    /// <summary>The source address's four bytes, without allocating an <see cref="IPAddress"/>.</summary>
    public ReadOnlySpan<byte> SourceBytes => _bytes.Span.Slice(12, 4);

    /// <summary>The destination address's four bytes, without allocating an <see cref="IPAddress"/>.</summary>
    public ReadOnlySpan<byte> DestinationBytes => _bytes.Span.Slice(16, 4);

    /// <summary>The options between the fixed header and the payload, in order.</summary>
    public IReadOnlyList<Ipv4Option> Options
    {
        get
        {
            var options = new List<Ipv4Option>();
            ReadOnlySpan<byte> span = _bytes.Span[20..HeaderLength];
            int offset = 20;
            while (!span.IsEmpty)
            {
                byte type = span[0];
                int length = type is 0 or 1 ? 1 : span.Length >= 2 ? span[1] : 0;
                if (length < 1 || length > span.Length || (length == 1 && type is not (0 or 1)))
                {
                    break;
                }

                options.Add(new Ipv4Option(type, length, _bytes.Slice(offset + Math.Min(length, 2), length - Math.Min(length, 2))));
                if (type == 0)
                {
                    break;
                }

                span = span[length..];
                offset += length;
            }

            return options;
        }
    }

    /// <summary>What follows the header: a transport segment, or a piece of one for fragments.</summary>
    public ReadOnlyMemory<byte> Payload => _bytes[HeaderLength..];
}
