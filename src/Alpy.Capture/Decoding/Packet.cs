using System.Buffers.Binary;
using System.Net;

namespace Alpy.Capture;

/// <summary>
/// A decoded frame: which layers it has and where. Each layer property returns a view that reads its fields from
/// the frame's bytes on access (no copies); a layer the frame does not have, or whose header was not captured
/// whole, is null. Unknown EtherTypes and IP protocols still give their bytes through <see cref="Payload"/>.
/// </summary>
public readonly struct Packet
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly PacketLayout _layout;

    private Packet(ReadOnlyMemory<byte> data, in PacketLayout layout)
    {
        _data = data;
        _layout = layout;
    }

    /// <summary>Decodes a frame. Never throws for any bytes; see <see cref="Problem"/> for where decoding stopped.</summary>
    /// <param name="originalLength">Length on the wire, when the capture cut the frame short; defaults to the data's length.</param>
    public static Packet Decode(LinkType linkType, ReadOnlyMemory<byte> data, int originalLength = -1) =>
        new(data, PacketDecoder.Decode(linkType, data.Span, originalLength < 0 ? data.Length : originalLength));

    /// <summary>The captured bytes.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    public LinkType LinkType => _layout.LinkType;

    /// <summary>Length of the frame on the wire.</summary>
    public int OriginalLength => _layout.OriginalLength;

    /// <summary>Whether the capture cut the frame short (snap length).</summary>
    public bool IsTruncated => _data.Length < _layout.OriginalLength;

    /// <summary>Why decoding stopped early, if it did.</summary>
    public PacketProblem Problem => _layout.Problem;

    /// <summary>The Ethernet header, for Ethernet frames.</summary>
    public EthernetHeader? Ethernet =>
        _layout.LinkType == LinkType.Ethernet && _layout.TypeFieldOffset >= 0 ? new EthernetHeader(_data, _layout.VlanCount) : null;

    /// <summary>The VLAN tags, outermost first (Ethernet and Linux cooked captures); empty when untagged.</summary>
    public VlanTagList Vlans => new(_data, Math.Max(_layout.TypeFieldOffset, 0), _layout.LinkPayloadOffset, _layout.VlanCount);

    /// <summary>The protocol of the network layer (after any VLAN tags); null when the link says nothing (802.3 LLC, unknown link types).</summary>
    public EtherType? EtherType => _layout.HasEtherType ? (EtherType)_layout.EtherType : null;

    public ArpPacket? Arp => _layout.Network == LayerKind.Arp ? new ArpPacket(Network) : null;

    public Ipv4Packet? Ipv4 => _layout.Network == LayerKind.Ipv4 ? new Ipv4Packet(Network) : null;

    public Ipv6Packet? Ipv6 => _layout.Network == LayerKind.Ipv6 ? new Ipv6Packet(Network) : null;

    /// <summary>The IP protocol of the payload (after IPv6 extension headers); null when the frame carries no IP.</summary>
    public IpProtocol? Protocol => _layout.HasProtocol ? (IpProtocol)_layout.Protocol : null;

    /// <summary>Whether the frame is an IPv4 or IPv6 fragment (first or later).</summary>
    public bool IsFragment => _layout.IsFragment;

    /// <summary>Whether the frame is a fragment other than the first: it carries no transport header to decode.</summary>
    public bool IsLaterFragment => _layout.IsLaterFragment;

    public IcmpMessage? Icmp => _layout.Transport == LayerKind.Icmp ? new IcmpMessage(Transport) : null;

    public Icmpv6Message? Icmpv6 => _layout.Transport == LayerKind.Icmpv6 ? new Icmpv6Message(Transport) : null;

    public TcpSegment? Tcp => _layout.Transport == LayerKind.Tcp ? new TcpSegment(Transport) : null;

    public UdpDatagram? Udp => _layout.Transport == LayerKind.Udp ? new UdpDatagram(Transport) : null;

    /// <summary>IPv4 or IPv6 source address.</summary>
    public IPAddress? SourceAddress => Ipv4?.Source ?? Ipv6?.Source;

    /// <summary>IPv4 or IPv6 destination address.</summary>
    public IPAddress? DestinationAddress => Ipv4?.Destination ?? Ipv6?.Destination;

    /// <summary>TCP or UDP source port; also when the rest of the header was not captured.</summary>
    public ushort? SourcePort => HasPorts ? BinaryPrimitives.ReadUInt16BigEndian(Transport.Span) : null;

    /// <summary>TCP or UDP destination port; also when the rest of the header was not captured.</summary>
    public ushort? DestinationPort => HasPorts ? BinaryPrimitives.ReadUInt16BigEndian(Transport.Span[2..]) : null;

    /// <summary>
    /// The innermost bytes the decoder did not interpret: the TCP/UDP payload, ICMP body, the data of a later
    /// fragment or of an unknown IP protocol, or what follows the link header for an unknown EtherType.
    /// </summary>
    public ReadOnlyMemory<byte> Payload => _layout.Transport switch
    {
        LayerKind.Tcp => new TcpSegment(Transport).Payload,
        LayerKind.Udp => new UdpDatagram(Transport).Payload,
        LayerKind.Icmp or LayerKind.Icmpv6 => Transport[8..],
        LayerKind.Unknown => Transport,
        _ => _layout.Network switch
        {
            LayerKind.Ipv4 => new Ipv4Packet(Network).Payload,
            LayerKind.Ipv6 => new Ipv6Packet(Network).Payload,
            LayerKind.Unknown => Network,
            _ => ReadOnlyMemory<byte>.Empty,
        },
    };

    /// <summary>
    /// Whether the TCP, UDP, ICMP or ICMPv6 checksum is right (what a NAT must keep right when it rewrites
    /// addresses or ports); null when it cannot be checked: no such layer, a fragment, or not captured whole.
    /// </summary>
    public bool? HasValidTransportChecksum
    {
        get
        {
            if (_layout.Transport is LayerKind.None or LayerKind.Unknown || _layout.IsFragment || IsTruncated)
            {
                return null;
            }

            ReadOnlySpan<byte> segment = Transport.Span;
            if (_layout.Transport == LayerKind.Udp && _layout.Network == LayerKind.Ipv4 && BinaryPrimitives.ReadUInt16BigEndian(segment[6..]) == 0)
            {
                return true; // UDP over IPv4 may leave the checksum out.
            }

            uint sum = InternetChecksum.Add(0, segment);
            if (_layout.Transport != LayerKind.Icmp)
            {
                sum = AddPseudoHeader(sum, segment.Length);
            }

            return InternetChecksum.IsValid(sum);
        }
    }

    /// <summary>The layer offsets, for the text printers.</summary>
    internal PacketLayout Layout => _layout;

    private bool HasPorts =>
        _layout.Transport is LayerKind.Tcp or LayerKind.Udp
        || (_layout.Problem == PacketProblem.TruncatedTransportHeader && _layout.Protocol is (byte)IpProtocol.Tcp or (byte)IpProtocol.Udp && _layout.TransportLength >= 4);

    private ReadOnlyMemory<byte> Network => _data.Slice(_layout.NetworkOffset, _layout.NetworkLength);

    private ReadOnlyMemory<byte> Transport => _data.Slice(_layout.TransportOffset, _layout.TransportLength);

    private uint AddPseudoHeader(uint sum, int length)
    {
        ReadOnlySpan<byte> network = Network.Span;
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(tail, (ushort)(length >> 16));
        BinaryPrimitives.WriteUInt16BigEndian(tail[2..], (ushort)length);
        sum = _layout.Network == LayerKind.Ipv4
            ? InternetChecksum.Add(sum, network.Slice(12, 8))
            : InternetChecksum.Add(sum, network.Slice(8, 32));
        sum = InternetChecksum.Add(sum, tail);
        return InternetChecksum.Add(sum, [0, _layout.Protocol]);
    }
}
