using System.Buffers.Binary;
using System.Net;

namespace Alpy.Qemu.Tests.Support;

/// <summary>Hand-built 802.1Q-tagged Ethernet frames (ARP request, ICMP echo request) and their parsing, for the
/// VLAN test.</summary>
public static class Frames
{
    public const int Tagged = 0x8100;
    public const int Arp = 0x0806;
    public const int IPv4 = 0x0800;

    public static byte[] Mac(string text) => text.Split(':').Select(b => Convert.ToByte(b, 16)).ToArray();

    /// <summary>"Who has <paramref name="target"/>? Tell <paramref name="sender"/>", broadcast on VLAN <paramref name="vid"/>.</summary>
    public static byte[] ArpRequest(int vid, byte[] senderMac, IPAddress sender, IPAddress target)
    {
        var arp = new byte[28];
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);              // Ethernet
        BinaryPrimitives.WriteUInt16BigEndian(arp.AsSpan(2), IPv4);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp.AsSpan(6), 1);    // request
        senderMac.CopyTo(arp, 8);
        sender.GetAddressBytes().CopyTo(arp, 14);
        target.GetAddressBytes().CopyTo(arp, 24);
        return TaggedFrame(Mac("ff:ff:ff:ff:ff:ff"), senderMac, vid, Arp, arp);
    }

    /// <summary>An ICMP echo request from <paramref name="source"/> to <paramref name="destination"/> on VLAN <paramref name="vid"/>.</summary>
    public static byte[] IcmpEcho(int vid, byte[] sourceMac, byte[] destinationMac, IPAddress source, IPAddress destination, ushort id)
    {
        var icmp = new byte[16];
        icmp[0] = 8; // echo request
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(4), id);
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(6), 1);
        "alpy-vl"u8.CopyTo(icmp.AsSpan(8));
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(2), Checksum(icmp));

        var ip = new byte[20 + icmp.Length];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(2), (ushort)ip.Length);
        ip[8] = 64;  // TTL
        ip[9] = 1;   // ICMP
        source.GetAddressBytes().CopyTo(ip, 12);
        destination.GetAddressBytes().CopyTo(ip, 16);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(10), Checksum(ip.AsSpan(0, 20)));
        icmp.CopyTo(ip, 20);
        return TaggedFrame(destinationMac, sourceMac, vid, IPv4, ip);
    }

    /// <summary>The EtherType of an Ethernet frame (0x8100 for an 802.1Q-tagged one).</summary>
    public static int EtherType(byte[] frame) => frame[12] << 8 | frame[13];

    /// <summary>The VLAN id of a tagged frame, or null for an untagged one.</summary>
    public static int? Vid(byte[] frame) => EtherType(frame) == Tagged ? (frame[14] << 8 | frame[15]) & 0x0fff : null;

    /// <summary>The frame's payload type and bytes after the Ethernet header and the tag, if any.</summary>
    public static (int Type, byte[] Payload) Inner(byte[] frame)
    {
        var offset = EtherType(frame) == Tagged ? 18 : 14;
        return (frame[offset - 2] << 8 | frame[offset - 1], frame[offset..]);
    }

    /// <summary>Whether the frame is an ARP reply that says <paramref name="ip"/> is at some MAC.</summary>
    public static bool IsArpReplyFrom(byte[] frame, IPAddress ip)
    {
        var (type, arp) = Inner(frame);
        return type == Arp && arp.Length >= 28 && arp[7] == 2 && arp.AsSpan(14, 4).SequenceEqual(ip.GetAddressBytes());
    }

    /// <summary>Whether the frame is an ICMP echo reply from <paramref name="ip"/> with <paramref name="id"/>.</summary>
    public static bool IsEchoReplyFrom(byte[] frame, IPAddress ip, ushort id)
    {
        var (type, packet) = Inner(frame);
        return type == IPv4 && packet.Length >= 28 && packet[9] == 1 && packet[20] == 0
            && packet.AsSpan(12, 4).SequenceEqual(ip.GetAddressBytes())
            && BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(24)) == id;
    }

    private static byte[] TaggedFrame(byte[] destination, byte[] source, int vid, int type, byte[] payload)
    {
        var frame = new byte[Math.Max(64, 18 + payload.Length)];
        destination.CopyTo(frame, 0);
        source.CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), Tagged);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), (ushort)vid);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)type);
        payload.CopyTo(frame, 18);
        return frame;
    }

    private static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            sum += (uint)(data[i] << 8 | data[i + 1]);
        }

        if (data.Length % 2 == 1)
        {
            sum += (uint)data[^1] << 8;
        }

        while (sum > 0xffff)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
