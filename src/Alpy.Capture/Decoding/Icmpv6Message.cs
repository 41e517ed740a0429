using System.Buffers.Binary;
using System.Net;

namespace Alpy.Capture;

/// <summary>An ICMPv6 message, including neighbour discovery and MLD; a view of the frame's bytes.</summary>
public readonly struct Icmpv6Message
{
    private readonly ReadOnlyMemory<byte> _bytes;

    internal Icmpv6Message(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public Icmpv6Type Type => (Icmpv6Type)_bytes.Span[0];

    public byte Code => _bytes.Span[1];

    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[2..]);

    /// <summary>Echo request and reply: the identifier.</summary>
    public ushort Identifier => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[4..]);

    /// <summary>Echo request and reply: the sequence number.</summary>
    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[6..]);

    /// <summary>Packet too big: the MTU of the next hop.</summary>
    public uint Mtu => BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span[4..]);

    /// <summary>Parameter problem: the offset of the offending octet.</summary>
    public uint ProblemOffset => BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span[4..]);

    /// <summary>Neighbor solicitation/advertisement and redirect: the target address; null for other types or when not captured.</summary>
    public IPAddress? TargetAddress =>
        Type is Icmpv6Type.NeighborSolicitation or Icmpv6Type.NeighborAdvertisement or Icmpv6Type.Redirect ? Address(8) : null;

    /// <summary>Redirect: the destination that is redirected.</summary>
    public IPAddress? RedirectDestination => Type == Icmpv6Type.Redirect ? Address(24) : null;

    /// <summary>MLD query, report and done (130–132): the multicast address.</summary>
    public IPAddress? MulticastAddress => Type is >= Icmpv6Type.MulticastListenerQuery and <= Icmpv6Type.MulticastListenerDone ? Address(8) : null;

    /// <summary>MLDv2 report: the number of multicast address records.</summary>
    public ushort RecordCount => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[6..]);

    /// <summary>Neighbor advertisement: the router flag.</summary>
    public bool Router => (_bytes.Span[4] & 0x80) != 0;

    /// <summary>Neighbor advertisement: the solicited flag.</summary>
    public bool Solicited => (_bytes.Span[4] & 0x40) != 0;

    /// <summary>Neighbor advertisement: the override flag.</summary>
    public bool Override => (_bytes.Span[4] & 0x20) != 0;

    /// <summary>Router advertisement: the hop limit hosts should use.</summary>
    public byte CurrentHopLimit => _bytes.Span[4];

    /// <summary>Router advertisement: the managed address configuration (M) flag.</summary>
    public bool ManagedAddressConfiguration => (_bytes.Span[5] & 0x80) != 0;

    /// <summary>Router advertisement: the other configuration (O) flag.</summary>
    public bool OtherConfiguration => (_bytes.Span[5] & 0x40) != 0;

    /// <summary>Router advertisement: how long the router is a default router, in seconds.</summary>
    public ushort RouterLifetime => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[6..]);

    /// <summary>Router advertisement: reachable time in milliseconds; 0 when not captured.</summary>
    public uint ReachableTime => _bytes.Length >= 12 ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span[8..]) : 0;

    /// <summary>Router advertisement: retransmission timer in milliseconds; 0 when not captured.</summary>
    public uint RetransmitTimer => _bytes.Length >= 16 ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span[12..]) : 0;

    /// <summary>Whether this reports an error about another packet (unreachable, too big, time exceeded, parameter problem).</summary>
    public bool IsError => (byte)Type < 128;

    /// <summary>The packet an error message quotes, decoded; null for other messages.</summary>
    public Packet? OriginalPacket => IsError ? Packet.Decode(LinkType.Ipv6, Body) : null;

    /// <summary>Neighbour discovery messages (133–137): their options in order, as far as they are well formed.</summary>
    public IReadOnlyList<NdpOption> Options
    {
        get
        {
            var options = new List<NdpOption>();
            int offset = OptionsOffset;
            ReadOnlySpan<byte> span = _bytes.Span;
            while (offset > 0 && offset + 2 <= span.Length && span[offset + 1] != 0 && offset + (span[offset + 1] * 8) <= span.Length)
            {
                int length = span[offset + 1] * 8;
                options.Add(new NdpOption(span[offset], length, _bytes.Slice(offset + 2, length - 2)));
                offset += length;
            }

            return options;
        }
    }

    /// <summary>The source link-layer address option, when present with an Ethernet address.</summary>
    public MacAddress? SourceLinkLayerAddress => LinkLayerAddress(1);

    /// <summary>The target link-layer address option, when present with an Ethernet address.</summary>
    public MacAddress? TargetLinkLayerAddress => LinkLayerAddress(2);

    /// <summary>What follows the 8-byte header.</summary>
    public ReadOnlyMemory<byte> Body => _bytes[8..];

    private int OptionsOffset => Type switch
    {
        Icmpv6Type.RouterSolicitation => 8,
        Icmpv6Type.RouterAdvertisement => 16,
        Icmpv6Type.NeighborSolicitation or Icmpv6Type.NeighborAdvertisement => 24,
        Icmpv6Type.Redirect => 40,
        _ => 0,
    };

    private IPAddress? Address(int offset) => _bytes.Length >= offset + 16 ? new IPAddress(_bytes.Span.Slice(offset, 16)) : null;

    private MacAddress? LinkLayerAddress(byte type)
    {
        foreach (NdpOption option in Options)
        {
            if (option.Type == type && option.Data.Length >= 6)
            {
                return new MacAddress(option.Data.Span);
            }
        }

        return null;
    }
}
