using System.Buffers.Binary;
using System.Net;

namespace Alpy.Capture.Tests;

/// <summary>Builds frames byte by byte, with correct lengths and checksums unless told otherwise, to feed the reader, the decoder and tcpdump.</summary>
internal static class FrameBuilder
{
    public static readonly byte[] MacA = [0x02, 0x00, 0x00, 0x00, 0x00, 0x0a];
    public static readonly byte[] MacB = [0x02, 0x00, 0x00, 0x00, 0x00, 0x0b];

    public static byte[] Ethernet(byte[] destination, byte[] source, ushort type, byte[] payload, params (ushort Tpid, ushort Tci)[] tags)
    {
        var frame = new List<byte>();
        frame.AddRange(destination);
        frame.AddRange(source);
        foreach ((ushort tpid, ushort tci) in tags)
        {
            frame.AddRange(Be16(tpid));
            frame.AddRange(Be16(tci));
        }

        frame.AddRange(Be16(type));
        frame.AddRange(payload);
        return [.. frame];
    }

    public static byte[] Ethernet(ushort type, byte[] payload, params (ushort Tpid, ushort Tci)[] tags) => Ethernet(MacB, MacA, type, payload, tags);

    public static byte[] Ipv4(string source, string destination, byte protocol, byte[] payload, ushort id = 1, bool dontFragment = false,
        bool moreFragments = false, int fragmentOffset = 0, byte ttl = 64, byte[]? options = null, int? totalLength = null, byte tos = 0)
    {
        options ??= [];
        int headerLength = 20 + options.Length;
        var header = new byte[headerLength];
        header[0] = (byte)(0x40 | (headerLength / 4));
        header[1] = tos;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(totalLength ?? headerLength + payload.Length));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), id);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)((dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0) | (fragmentOffset / 8)));
        header[8] = ttl;
        header[9] = protocol;
        IPAddress.Parse(source).GetAddressBytes().CopyTo(header, 12);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(header, 16);
        options.CopyTo(header, 20);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), Checksum.Compute(header));
        return [.. header, .. payload];
    }

    /// <summary>An IPv6 packet; <paramref name="body"/> holds any extension headers followed by the upper layer.</summary>
    public static byte[] Ipv6(string source, string destination, byte nextHeader, byte[] body, byte hopLimit = 64, int? payloadLength = null)
    {
        var header = new byte[40];
        header[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)(payloadLength ?? body.Length));
        header[6] = nextHeader;
        header[7] = hopLimit;
        IPAddress.Parse(source).GetAddressBytes().CopyTo(header, 8);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(header, 24);
        return [.. header, .. body];
    }

    /// <summary>A hop-by-hop, destination options or routing header: next header, length in 8-octet units beyond the first, then data padded.</summary>
    public static byte[] Extension(byte nextHeader, byte[] data)
    {
        int length = (data.Length + 2 + 7) / 8 * 8;
        var header = new byte[length];
        header[0] = nextHeader;
        header[1] = (byte)((length / 8) - 1);
        data.CopyTo(header, 2);
        return header;
    }

    public static byte[] Fragment(byte nextHeader, int offset, bool more, uint id)
    {
        var header = new byte[8];
        header[0] = nextHeader;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(offset | (more ? 1 : 0)));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), id);
        return header;
    }

    public static byte[] Udp(string source, string destination, ushort sourcePort, ushort destinationPort, byte[] payload, int? length = null)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(header, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)(length ?? 8 + payload.Length));
        byte[] datagram = [.. header, .. payload];
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(6), Checksum.Compute(PseudoHeader(source, destination, 17, datagram.Length), datagram));
        return datagram;
    }

    public static byte[] Tcp(string source, string destination, ushort sourcePort, ushort destinationPort, TcpFlags flags, uint sequence = 1000,
        uint acknowledgment = 0, ushort window = 64240, byte[]? options = null, byte[]? payload = null, ushort urgent = 0)
    {
        options ??= [];
        payload ??= [];
        int headerLength = 20 + ((options.Length + 3) / 4 * 4);
        var segment = new byte[headerLength + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(segment, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(4), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(segment.AsSpan(8), acknowledgment);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(12), (ushort)(((headerLength / 4) << 12) | (int)flags));
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(14), window);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(18), urgent);
        options.CopyTo(segment, 20);
        payload.CopyTo(segment, headerLength);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(16), Checksum.Compute(PseudoHeader(source, destination, 6, segment.Length), segment));
        return segment;
    }

    public static byte[] Icmp(byte type, byte code, uint rest, byte[] body)
    {
        var message = new byte[8 + body.Length];
        message[0] = type;
        message[1] = code;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), rest);
        body.CopyTo(message, 8);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), Checksum.Compute(message));
        return message;
    }

    public static byte[] Icmpv6(string source, string destination, byte type, byte code, uint rest, byte[] body)
    {
        var message = new byte[8 + body.Length];
        message[0] = type;
        message[1] = code;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), rest);
        body.CopyTo(message, 8);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), Checksum.Compute(PseudoHeader(source, destination, 58, message.Length), message));
        return message;
    }

    public static byte[] Arp(ushort operation, byte[] senderMac, string senderIp, byte[] targetMac, string targetIp)
    {
        byte[] header = [0, 1, 8, 0, 6, 4, .. Be16(operation)];
        return [.. header, .. senderMac, .. IPAddress.Parse(senderIp).GetAddressBytes(), .. targetMac, .. IPAddress.Parse(targetIp).GetAddressBytes()];
    }

    public static byte[] Address(string address) => IPAddress.Parse(address).GetAddressBytes();

    public static byte[] Be16(int value) => [(byte)(value >> 8), (byte)value];

    public static byte[] Be32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] PseudoHeader(string source, string destination, byte protocol, int length)
    {
        byte[] from = Address(source);
        byte[] to = Address(destination);
        return from.Length == 4
            ? [.. from, .. to, 0, protocol, .. Be16(length)]
            : [.. from, .. to, .. Be32((uint)length), 0, 0, 0, protocol];
    }
}
