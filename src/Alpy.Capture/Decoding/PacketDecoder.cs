using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>
/// Finds the layers of a frame: link header (Ethernet with any number of 802.1Q/802.1ad tags up to a bound,
/// Linux cooked v1/v2, raw IP, BSD loopback), ARP, IPv4 (fragments flagged; only first fragments carry a
/// transport header), IPv6 (extension headers walked), then ICMP, ICMPv6, TCP or UDP. Reads nothing twice and
/// allocates nothing; stops at the first truncated or malformed header and says why in
/// <see cref="PacketLayout.Problem"/>.
/// </summary>
internal static class PacketDecoder
{
    /// <summary>More stacked VLAN tags than this end decoding (QinQ has two).</summary>
    public const int MaxVlanTags = 8;

    public static PacketLayout Decode(LinkType linkType, ReadOnlySpan<byte> data, int originalLength)
    {
        var layout = new PacketLayout { LinkType = linkType, OriginalLength = originalLength, TypeFieldOffset = -1 };
        switch (linkType)
        {
            case LinkType.Ethernet:
                DecodeTyped(ref layout, data, typeField: 12, payload: 14);
                break;
            case LinkType.LinuxSll:
                DecodeTyped(ref layout, data, typeField: 14, payload: 16);
                break;
            case LinkType.LinuxSll2:
                DecodeTyped(ref layout, data, typeField: 0, payload: 20);
                break;
            case LinkType.Raw:
                DecodeRawIp(ref layout, data, 0);
                break;
            case LinkType.Ipv4:
                DecodeNetwork(ref layout, data, (ushort)EtherType.Ipv4, 0);
                break;
            case LinkType.Ipv6:
                DecodeNetwork(ref layout, data, (ushort)EtherType.Ipv6, 0);
                break;
            case LinkType.Null:
            case LinkType.Loop:
                DecodeLoopback(ref layout, data, linkType == LinkType.Loop);
                break;
        }

        return layout;
    }

    private static void DecodeTyped(ref PacketLayout layout, ReadOnlySpan<byte> data, int typeField, int payload)
    {
        if (data.Length < payload)
        {
            layout.Problem = PacketProblem.TruncatedLinkHeader;
            return;
        }

        layout.TypeFieldOffset = typeField;
        layout.LinkPayloadOffset = payload;
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(data[typeField..]);
        int offset = payload;
        while (type is (ushort)EtherType.Vlan or (ushort)EtherType.QinQ or (ushort)EtherType.Vlan9100 or (ushort)EtherType.Vlan9200)
        {
            if (layout.VlanCount == MaxVlanTags)
            {
                layout.Problem = PacketProblem.TooManyVlanTags;
                return;
            }

            if (data.Length < offset + 4)
            {
                layout.Problem = PacketProblem.TruncatedVlanTag;
                return;
            }

            type = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            offset += 4;
            layout.VlanCount++;
        }

        // An Ethernet type field of 1500 or less is an 802.3 length: the payload is LLC, not a protocol we decode.
        if (layout.LinkType == LinkType.Ethernet && type <= 1500)
        {
            layout.NetworkOffset = offset;
            layout.Network = LayerKind.Unknown;
            layout.NetworkLength = data.Length - offset;
            return;
        }

        DecodeNetwork(ref layout, data, type, offset);
    }

    private static void DecodeRawIp(ref PacketLayout layout, ReadOnlySpan<byte> data, int offset)
    {
        if (data.Length <= offset)
        {
            layout.Problem = PacketProblem.TruncatedIpv4Header;
            return;
        }

        ushort type = (data[offset] >> 4) == 6 ? (ushort)EtherType.Ipv6 : (ushort)EtherType.Ipv4;
        DecodeNetwork(ref layout, data, type, offset);
    }

    private static void DecodeLoopback(ref PacketLayout layout, ReadOnlySpan<byte> data, bool networkOrder)
    {
        if (data.Length < 4)
        {
            layout.Problem = PacketProblem.TruncatedLinkHeader;
            return;
        }

        // LINKTYPE_NULL stores the family in the writer's byte order: a value above 16 bits means the other order.
        uint family = networkOrder ? BinaryPrimitives.ReadUInt32BigEndian(data) : BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (family > 0xFFFF)
        {
            family = BinaryPrimitives.ReverseEndianness(family);
        }

        layout.LinkPayloadOffset = 4;
        ushort type = family == 2 ? (ushort)EtherType.Ipv4 : family is 10 or 24 or 28 or 30 ? (ushort)EtherType.Ipv6 : (ushort)0;
        if (type == 0)
        {
            layout.Network = LayerKind.Unknown;
            layout.NetworkOffset = 4;
            layout.NetworkLength = data.Length - 4;
            return;
        }

        DecodeNetwork(ref layout, data, type, 4);
    }

    private static void DecodeNetwork(ref PacketLayout layout, ReadOnlySpan<byte> data, ushort type, int offset)
    {
        layout.HasEtherType = true;
        layout.EtherType = type;
        layout.NetworkOffset = offset;
        layout.NetworkLength = data.Length - offset;
        switch (type)
        {
            case (ushort)EtherType.Ipv4:
                DecodeIpv4(ref layout, data[offset..]);
                break;
            case (ushort)EtherType.Ipv6:
                DecodeIpv6(ref layout, data[offset..]);
                break;
            case (ushort)EtherType.Arp:
            case (ushort)EtherType.ReverseArp:
                DecodeArp(ref layout, data[offset..]);
                break;
            default:
                layout.Network = LayerKind.Unknown;
                break;
        }
    }

    private static void DecodeArp(ref PacketLayout layout, ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 8 || packet.Length < 8 + (2 * packet[4]) + (2 * packet[5]))
        {
            layout.Problem = PacketProblem.TruncatedArp;
            layout.Network = LayerKind.Unknown;
            return;
        }

        layout.Network = LayerKind.Arp;
    }

    private static void DecodeIpv4(ref PacketLayout layout, ReadOnlySpan<byte> packet)
    {
        layout.Network = LayerKind.Unknown;
        if (packet.Length < 20)
        {
            layout.Problem = PacketProblem.TruncatedIpv4Header;
            return;
        }

        if (packet[0] >> 4 != 4)
        {
            layout.Problem = PacketProblem.BadIpv4Version;
            return;
        }

        int headerLength = (packet[0] & 0x0F) * 4;
        if (headerLength < 20)
        {
            layout.Problem = PacketProblem.BadIpv4HeaderLength;
            return;
        }

        if (packet.Length < headerLength)
        {
            layout.Problem = PacketProblem.TruncatedIpv4Header;
            return;
        }

        // A total length below the header length (0 included, as segmentation offload leaves it) is invalid, as for tcpdump.
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if (totalLength < headerLength)
        {
            layout.Problem = PacketProblem.BadIpv4TotalLength;
            return;
        }

        layout.Network = LayerKind.Ipv4;
        layout.NetworkLength = Math.Min(totalLength, packet.Length);
        layout.HasProtocol = true;
        layout.Protocol = packet[9];
        ushort fragment = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]);
        layout.IsFragment = (fragment & 0x3FFF) != 0;
        layout.IsLaterFragment = (fragment & 0x1FFF) != 0;
        if (!layout.IsLaterFragment)
        {
            DecodeTransport(ref layout, packet[headerLength..layout.NetworkLength], layout.NetworkOffset + headerLength, isIpv6: false);
        }
    }

    private static void DecodeIpv6(ref PacketLayout layout, ReadOnlySpan<byte> packet)
    {
        layout.Network = LayerKind.Unknown;
        if (packet.Length < 40)
        {
            layout.Problem = PacketProblem.TruncatedIpv6Header;
            return;
        }

        if (packet[0] >> 4 != 6)
        {
            layout.Problem = PacketProblem.BadIpv6Version;
            return;
        }

        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        layout.Network = LayerKind.Ipv6;
        // A zero payload length is a jumbogram (or offload): take what was captured.
        layout.NetworkLength = payloadLength == 0 ? packet.Length : Math.Min(40 + payloadLength, packet.Length);
        layout.HasProtocol = true;
        ReadOnlySpan<byte> body = packet[..layout.NetworkLength];
        var walker = new Ipv6HeaderChain.Walker(body);
        while (walker.MoveNext(out byte protocol, out _, out int offset, out _))
        {
            if (protocol == (byte)IpProtocol.Fragment)
            {
                layout.IsFragment = true;
                layout.IsLaterFragment = Ipv6HeaderChain.IsLaterFragment(body[offset..]);
            }
        }

        layout.Protocol = walker.Protocol;
        if (layout.IsLaterFragment)
        {
            return;
        }

        if (Ipv6HeaderChain.IsExtension(walker.Protocol))
        {
            layout.Problem = walker.Count == Ipv6HeaderChain.MaxHeaders
                ? PacketProblem.TooManyIpv6ExtensionHeaders
                : PacketProblem.TruncatedIpv6ExtensionHeader;
            return;
        }

        DecodeTransport(ref layout, body[walker.Offset..], layout.NetworkOffset + walker.Offset, isIpv6: true);
    }

    private static void DecodeTransport(ref PacketLayout layout, ReadOnlySpan<byte> segment, int offset, bool isIpv6)
    {
        layout.TransportOffset = offset;
        layout.TransportLength = segment.Length;
        (LayerKind kind, int minimum) = layout.Protocol switch
        {
            (byte)IpProtocol.Tcp => (LayerKind.Tcp, 20),
            (byte)IpProtocol.Udp => (LayerKind.Udp, 8),
            (byte)IpProtocol.Icmp when !isIpv6 => (LayerKind.Icmp, 8),
            (byte)IpProtocol.Icmpv6 when isIpv6 => (LayerKind.Icmpv6, 8),
            (byte)IpProtocol.NoNextHeader => (LayerKind.None, 0),
            _ => (LayerKind.Unknown, 0),
        };
        if (segment.Length < minimum)
        {
            layout.Transport = LayerKind.Unknown;
            layout.Problem = PacketProblem.TruncatedTransportHeader;
            return;
        }

        layout.Transport = kind;
        if (kind == LayerKind.Tcp && (segment[12] >> 4) < 5)
        {
            layout.Problem = PacketProblem.BadTcpHeaderLength;
        }
    }
}
