using System.Buffers.Binary;
using System.Net;

namespace Alpy.Specs.Tests.Support;

/// <summary>Builds Ethernet frames byte by byte (optionally 802.1Q-tagged) for filter tests; checksums are not needed by BPF.</summary>
internal static class RawFrame
{
    public const byte Icmp = 1;
    public const byte Tcp = 6;
    public const byte Udp = 17;

    public static byte[] Tcp4(string source, int sourcePort, string destination, int destinationPort, byte flags, byte ttl = 64, int? vlan = null) =>
        Ipv4(source, destination, Tcp, ttl, vlan, Ports(sourcePort, destinationPort, [0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags, 0xff, 0xff, 0, 0, 0, 0]));

    public static byte[] Udp4(string source, int sourcePort, string destination, int destinationPort, int? vlan = null) =>
        Ipv4(source, destination, Udp, 64, vlan, Ports(sourcePort, destinationPort, [0, 8, 0, 0]));

    public static byte[] Icmp4(string source, string destination, byte type, byte code, byte ttl = 64, int? vlan = null) =>
        Ipv4(source, destination, Icmp, ttl, vlan, [type, code, 0, 0, 0, 1, 0, 1]);

    public static byte[] Tcp6(string source, int sourcePort, string destination, int destinationPort, byte flags, byte hopLimit = 64) =>
        Ipv6(source, destination, Tcp, hopLimit, Ports(sourcePort, destinationPort, [0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags, 0xff, 0xff, 0, 0, 0, 0]));

    public static byte[] Udp6(string source, int sourcePort, string destination, int destinationPort) =>
        Ipv6(source, destination, Udp, 64, Ports(sourcePort, destinationPort, [0, 8, 0, 0]));

    public static byte[] Icmp6(string source, string destination, byte type, byte code, byte hopLimit = 64) =>
        Ipv6(source, destination, 58, hopLimit, [type, code, 0, 0, 0, 1, 0, 1]);

    private static byte[] Ports(int source, int destination, byte[] rest)
    {
        var bytes = new byte[4 + rest.Length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)source);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)destination);
        rest.CopyTo(bytes, 4);
        return bytes;
    }

    private static byte[] Ipv4(string source, string destination, byte protocol, byte ttl, int? vlan, byte[] payload)
    {
        var frame = new List<byte>();
        frame.AddRange([0x52, 0x54, 0, 0, 0, 1, 0x52, 0x54, 0, 0, 0, 2]);
        if (vlan is { } id)
            frame.AddRange([0x81, 0x00, (byte)(id >> 8), (byte)id]);
        frame.AddRange([0x08, 0x00]);
        var length = 20 + payload.Length;
        frame.AddRange([0x45, 0, (byte)(length >> 8), (byte)length, 0, 1, 0x40, 0, ttl, protocol, 0, 0]);
        frame.AddRange(IPAddress.Parse(source).GetAddressBytes());
        frame.AddRange(IPAddress.Parse(destination).GetAddressBytes());
        frame.AddRange(payload);
        return [.. frame];
    }

    private static byte[] Ipv6(string source, string destination, byte nextHeader, byte hopLimit, byte[] payload)
    {
        var frame = new List<byte>();
        frame.AddRange([0x52, 0x54, 0, 0, 0, 1, 0x52, 0x54, 0, 0, 0, 2, 0x86, 0xdd]);
        frame.AddRange([0x60, 0, 0, 0, (byte)(payload.Length >> 8), (byte)payload.Length, nextHeader, hopLimit]);
        frame.AddRange(IPAddress.Parse(source).GetAddressBytes());
        frame.AddRange(IPAddress.Parse(destination).GetAddressBytes());
        frame.AddRange(payload);
        return [.. frame];
    }
}
