using System.Buffers.Binary;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Alpy.Bench.Capture;

/// <summary>
/// Writes a capture of lab-like traffic with SharpPcap's writer: TCP connections to ports 80 and 8888 (SYN,
/// SYN-ACK, ACKs, data of 100 to 1400 bytes), UDP, ICMP echo, ARP, IPv6 TCP and VLAN-tagged UDP, with ports and
/// sequence numbers varying per frame. Checksums are not filled in: nothing here verifies them.
/// </summary>
internal static class CaptureGenerator
{
    private const long Start = 1_767_323_045_000_000_000;

    /// <summary>Writes frames <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 (a new file, or appended to one).</summary>
    public static void Write(string path, int count, int first = 0, FileMode mode = FileMode.Create)
    {
        byte[][] templates = Templates();
        using var writer = new CaptureFileWriterDevice(path, mode);
        writer.Open(new DeviceConfiguration { LinkLayerType = PacketDotNet.LinkLayers.Ethernet, TimestampResolution = TimestampResolution.Nanosecond });
        byte[] buffer = new byte[2048];
        for (int i = first; i < first + count; i++)
        {
            byte[] template = templates[i % templates.Length];
            template.CopyTo(buffer, 0);
            Vary(buffer.AsSpan(0, template.Length), i);
            long time = Start + ((long)i * 1_300);
            var header = new PcapHeader(0, 0, (uint)template.Length, (uint)template.Length)
            {
                Timeval = new PosixTimeval((ulong)(time / 1_000_000_000), (ulong)(time % 1_000_000_000), TimestampResolution.Nanosecond),
            };
            writer.Write(buffer.AsSpan(0, template.Length), ref header);
        }
    }

    /// <summary>
    /// Spreads the TCP frames over 256 client ports (a lab scenario opens a handful of connections; tcpdump's
    /// relative-sequence table slows down with tens of thousands) and gives each frame its own sequence number.
    /// </summary>
    private static void Vary(Span<byte> frame, int index)
    {
        int ip = 14;
        if (BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800 || frame[ip + 9] != 6)
        {
            return;
        }

        int tcp = ip + 20;
        ushort clientPort = (ushort)(32768 + (index / 8 % 256));
        bool fromClient = BinaryPrimitives.ReadUInt16BigEndian(frame[tcp..]) >= 32768;
        BinaryPrimitives.WriteUInt16BigEndian(frame[(fromClient ? tcp : tcp + 2)..], clientPort);
        BinaryPrimitives.WriteUInt32BigEndian(frame[(tcp + 4)..], (uint)(index * 1460));
    }

    private static byte[][] Templates()
    {
        byte[] client = [10, 77, 0, 1];
        byte[] server = [10, 77, 0, 2];
        return
        [
            Ethernet(0x0800, Ipv4(client, server, 6, Tcp(40000, 8888, 0x02, [2, 4, 5, 0xB4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7], 0))),
            Ethernet(0x0800, Ipv4(server, client, 6, Tcp(8888, 40000, 0x12, [2, 4, 5, 0xB4, 4, 2, 8, 10, 0, 0, 0, 2, 0, 0, 0, 1, 1, 3, 3, 7], 0))),
            Ethernet(0x0800, Ipv4(client, server, 6, Tcp(40000, 8888, 0x10, [1, 1, 8, 10, 0, 0, 0, 3, 0, 0, 0, 2], 0))),
            Ethernet(0x0800, Ipv4(client, server, 6, Tcp(40000, 8888, 0x18, [1, 1, 8, 10, 0, 0, 0, 4, 0, 0, 0, 2], 300))),
            Ethernet(0x0800, Ipv4(server, client, 6, Tcp(8888, 40000, 0x18, [1, 1, 8, 10, 0, 0, 0, 5, 0, 0, 0, 4], 1400))),
            Ethernet(0x0800, Ipv4(client, server, 6, Tcp(40000, 80, 0x10, [1, 1, 8, 10, 0, 0, 0, 6, 0, 0, 0, 5], 0))),
            Ethernet(0x0800, Ipv4(client, server, 17, Udp(5000, 7777, 120))),
            Ethernet(0x0800, Ipv4(client, server, 1, [8, 0, 0, 0, 0x12, 0x34, 0, 1, .. new byte[56]])),
            Ethernet(0x0806, [0, 1, 8, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 10, .. client, 0, 0, 0, 0, 0, 0, .. server]),
            Ethernet(0x86DD, [0x60, 0, 0, 0, 0, 20, 6, 64, .. Ipv6(1), .. Ipv6(2), .. Tcp(40001, 8888, 0x02, [], 0)]),
            [.. Ethernet(0x8100, [0x00, 0x0A, 0x08, 0x00, .. Ipv4(client, server, 17, Udp(5001, 7778, 200))])],
        ];
    }

    private static byte[] Ethernet(ushort type, byte[] payload) => [2, 0, 0, 0, 0, 11, 2, 0, 0, 0, 0, 10, (byte)(type >> 8), (byte)type, .. payload];

    private static byte[] Ipv4(byte[] source, byte[] destination, byte protocol, byte[] payload)
    {
        int total = 20 + payload.Length;
        return [0x45, 0, (byte)(total >> 8), (byte)total, 0, 1, 0x40, 0, 64, protocol, 0, 0, .. source, .. destination, .. payload];
    }

    private static byte[] Ipv6(byte last) => [0xFD, 0x77, .. new byte[13], last];

    private static byte[] Tcp(ushort source, ushort destination, byte flags, byte[] options, int data)
    {
        int offset = (20 + options.Length) / 4;
        return [(byte)(source >> 8), (byte)source, (byte)(destination >> 8), (byte)destination, 0, 0, 0, 1, 0, 0, 0, 1,
            (byte)(offset << 4), flags, 0xFA, 0xF0, 0, 0, 0, 0, .. options, .. new byte[data]];
    }

    private static byte[] Udp(ushort source, ushort destination, int data) =>
        [(byte)(source >> 8), (byte)source, (byte)(destination >> 8), (byte)destination, (byte)((8 + data) >> 8), (byte)(8 + data), 0, 0, .. new byte[data]];
}
