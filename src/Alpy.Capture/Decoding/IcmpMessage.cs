using System.Buffers.Binary;
using System.Net;

namespace Alpy.Capture;

/// <summary>An ICMP (IPv4) message; a view of the frame's bytes.</summary>
public readonly struct IcmpMessage
{
    private readonly ReadOnlyMemory<byte> _bytes;

    internal IcmpMessage(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public IcmpType Type => (IcmpType)_bytes.Span[0];

    public byte Code => _bytes.Span[1];

    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[2..]);

    /// <summary>Echo, timestamp, information and address-mask messages: the identifier.</summary>
    public ushort Identifier => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[4..]);

    /// <summary>Echo, timestamp, information and address-mask messages: the sequence number.</summary>
    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[6..]);

    /// <summary>Destination unreachable, fragmentation needed (type 3 code 4): the next-hop MTU.</summary>
    public ushort NextHopMtu => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[6..]);

    /// <summary>Redirect (type 5): the better gateway.</summary>
    public IPAddress Gateway => new(_bytes.Span.Slice(4, 4));

    /// <summary>Parameter problem (type 12): the offset of the offending octet.</summary>
    public byte ProblemOffset => _bytes.Span[4];

    /// <summary>Whether this reports an error about another datagram (unreachable, source quench, redirect, time exceeded, parameter problem).</summary>
    public bool IsError => Type is IcmpType.DestinationUnreachable or IcmpType.SourceQuench or IcmpType.Redirect
        or IcmpType.TimeExceeded or IcmpType.ParameterProblem;

    /// <summary>The datagram an error message quotes (its IP header and first bytes), decoded; null for other messages.</summary>
    public Packet? OriginalDatagram => IsError ? Packet.Decode(LinkType.Ipv4, Body) : null;

    /// <summary>What follows the 8-byte header: echo data, or the quoted datagram of an error.</summary>
    public ReadOnlyMemory<byte> Body => _bytes[8..];
}
