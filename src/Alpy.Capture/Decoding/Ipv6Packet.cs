using System.Buffers.Binary;
using System.Net;

namespace Alpy.Capture;

/// <summary>An IPv6 header, its extension headers and payload; a view of the frame's bytes.</summary>
public readonly struct Ipv6Packet
{
    private readonly ReadOnlyMemory<byte> _bytes;

    internal Ipv6Packet(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public int Version => _bytes.Span[0] >> 4;

    public byte TrafficClass => (byte)(BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span) >> 4);

    public int FlowLabel => (int)(BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span) & 0xFFFFF);

    /// <summary>The payload length field: extension headers plus upper-layer data, as sent.</summary>
    public ushort PayloadLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[4..]);

    /// <summary>The header that follows the fixed header (an extension header or the upper layer).</summary>
    public IpProtocol NextHeader => (IpProtocol)_bytes.Span[6];

    public byte HopLimit => _bytes.Span[7];

    public IPAddress Source => new(_bytes.Span.Slice(8, 16));

    public IPAddress Destination => new(_bytes.Span.Slice(24, 16));

    /// <summary>The source address's sixteen bytes, without allocating an <see cref="IPAddress"/>.</summary>
    public ReadOnlySpan<byte> SourceBytes => _bytes.Span.Slice(8, 16);

    /// <summary>The destination address's sixteen bytes, without allocating an <see cref="IPAddress"/>.</summary>
    public ReadOnlySpan<byte> DestinationBytes => _bytes.Span.Slice(24, 16);

    /// <summary>The extension headers in order, as far as they were captured.</summary>
    public IReadOnlyList<Ipv6ExtensionHeader> ExtensionHeaders
    {
        get
        {
            var headers = new List<Ipv6ExtensionHeader>();
            var walker = new Ipv6HeaderChain.Walker(_bytes.Span);
            while (walker.MoveNext(out byte protocol, out byte next, out int offset, out int length))
            {
                headers.Add(new Ipv6ExtensionHeader((IpProtocol)protocol, (IpProtocol)next, _bytes.Slice(offset, length)));
            }

            return headers;
        }
    }

    /// <summary>The fragment header, when the packet is a fragment.</summary>
    public Ipv6FragmentHeader? Fragment
    {
        get
        {
            ReadOnlySpan<byte> span = _bytes.Span;
            var walker = new Ipv6HeaderChain.Walker(span);
            while (walker.MoveNext(out byte protocol, out byte next, out int offset, out _))
            {
                if (protocol == (byte)IpProtocol.Fragment)
                {
                    ushort bits = BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 2)..]);
                    return new Ipv6FragmentHeader((IpProtocol)next, bits & 0xFFF8, (bits & 1) != 0, BinaryPrimitives.ReadUInt32BigEndian(span[(offset + 4)..]));
                }
            }

            return null;
        }
    }

    /// <summary>The protocol after the last extension header (TCP, UDP, ICMPv6, ...).</summary>
    public IpProtocol UpperLayerProtocol
    {
        get
        {
            var walker = Walked();
            return (IpProtocol)walker.Protocol;
        }
    }

    /// <summary>What follows the extension headers: the upper-layer message (or a piece of it, for fragments).</summary>
    public ReadOnlyMemory<byte> Payload
    {
        get
        {
            var walker = Walked();
            return _bytes[walker.Offset..];
        }
    }

    private Ipv6HeaderChain.Walker Walked()
    {
        var walker = new Ipv6HeaderChain.Walker(_bytes.Span);
        while (walker.MoveNext(out _, out _, out _, out _))
        {
        }

        return walker;
    }
}
