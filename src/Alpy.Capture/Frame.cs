using System.Net;

namespace Alpy.Capture;

/// <summary>
/// One captured frame, kept: its record header, its bytes and its decoded layers. The layer properties are
/// shortcuts into <see cref="Packet"/> so that queries read naturally
/// (<c>frames.Where(f => f.Tcp?.DestinationPort == 88)</c>). <see cref="ToString"/> is its tcpdump-style line.
/// </summary>
public sealed class Frame
{
    internal Frame(long number, long offset, long timestampNanoseconds, int originalLength, int interfaceId, LinkType linkType, ReadOnlyMemory<byte> data)
    {
        Number = number;
        Offset = offset;
        TimestampNanoseconds = timestampNanoseconds;
        InterfaceId = interfaceId;
        Packet = Packet.Decode(linkType, data, originalLength);
    }

    /// <summary>Position of the frame in its file, counting from 1 (tcpdump's -#, Wireshark's frame number).</summary>
    public long Number { get; }

    /// <summary>Byte offset of the frame's record in its file.</summary>
    public long Offset { get; }

    /// <summary>Capture time in nanoseconds since the Unix epoch, UTC.</summary>
    public long TimestampNanoseconds { get; }

    /// <summary>Capture time (UTC), rounded down to 100 ns.</summary>
    public DateTimeOffset Timestamp => Timestamps.FromNanoseconds(TimestampNanoseconds);

    /// <summary>The pcapng interface the frame was captured on; 0 for classic pcap.</summary>
    public int InterfaceId { get; }

    /// <summary>The decoded layers.</summary>
    public Packet Packet { get; }

    public LinkType LinkType => Packet.LinkType;

    /// <summary>The captured bytes.</summary>
    public ReadOnlyMemory<byte> Data => Packet.Data;

    /// <summary>Length of the frame on the wire (at least the captured length).</summary>
    public int OriginalLength => Packet.OriginalLength;

    public EthernetHeader? Ethernet => Packet.Ethernet;

    public VlanTagList Vlans => Packet.Vlans;

    public EtherType? EtherType => Packet.EtherType;

    public ArpPacket? Arp => Packet.Arp;

    public Ipv4Packet? Ipv4 => Packet.Ipv4;

    public Ipv6Packet? Ipv6 => Packet.Ipv6;

    public IpProtocol? Protocol => Packet.Protocol;

    public IcmpMessage? Icmp => Packet.Icmp;

    public Icmpv6Message? Icmpv6 => Packet.Icmpv6;

    public TcpSegment? Tcp => Packet.Tcp;

    public UdpDatagram? Udp => Packet.Udp;

    public IPAddress? SourceAddress => Packet.SourceAddress;

    public IPAddress? DestinationAddress => Packet.DestinationAddress;

    public ushort? SourcePort => Packet.SourcePort;

    public ushort? DestinationPort => Packet.DestinationPort;

    public bool IsFragment => Packet.IsFragment;

    public ReadOnlyMemory<byte> Payload => Packet.Payload;

    /// <summary>The frame as one line of <c>tcpdump -n -S</c> (UTC time of day, absolute sequence numbers).</summary>
    public override string ToString() => TcpdumpFormatter.FormatOne(this);
}
