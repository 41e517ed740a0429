using static Alpy.Capture.Tests.FrameBuilder;

namespace Alpy.Capture.Tests;

/// <summary>
/// Hand-built frames of every kind a lab link may carry, the odd cases included (options, fragments, extension
/// headers, tags, malformed lengths, cut captures). Shared by the reading, filter, text and fuzz tests; sent
/// through real links and QEMU, and written to pcaps that tcpdump reads.
/// </summary>
internal static class FrameCorpus
{
    private const string A = "10.77.0.1";
    private const string B = "10.77.0.2";
    private const string C = "10.77.9.9";
    private const string A6 = "fd77::1";
    private const string B6 = "fd77::2";
    private const string LinkLocal = "fe80::a";

    // Declared before All: static fields initialise in order.
    private static readonly byte[] MacBroadcast = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

    public static IReadOnlyList<CorpusFrame> All { get; } = Build();

    private static List<CorpusFrame> Build()
    {
        var frames = new List<CorpusFrame>();
        void Add(string name, byte[] bytes, int? original = null) => frames.Add(new CorpusFrame(name, bytes, original));
        byte[] Ip(byte protocol, byte[] payload) => Ethernet(0x0800, Ipv4(A, B, protocol, payload));
        byte[] Ip6(byte next, byte[] body, string source = A6, string destination = B6) => Ethernet(0x86DD, Ipv6(source, destination, next, body));
        byte[] Quote(byte protocol, byte[] l4) => Ipv4(B, C, protocol, l4)[..Math.Min(28 + 20, 20 + l4.Length)];
        byte[] Quote6(byte protocol, byte[] l4) => Ipv6(B6, "fd77::9", protocol, l4)[..Math.Min(48, 40 + l4.Length)];
        byte[] Syn(ushort port) => Tcp(A, B, 40000, port, TcpFlags.Syn, 1000);
        byte[] padding = new byte[18];

        // ARP
        Add("ARP request", Ethernet(0x0806, Arp(1, MacA, A, new byte[6], B)));
        Add("ARP request padded to 60 bytes", Ethernet(0x0806, [.. Arp(1, MacA, A, new byte[6], B), .. padding]));
        Add("ARP reply", Ethernet(0x0806, Arp(2, MacB, B, MacA, A)));
        Add("ARP request naming the target MAC", Ethernet(0x0806, Arp(1, MacA, A, MacB, B)));
        Add("RARP request", Ethernet(0x8035, Arp(3, MacA, "0.0.0.0", MacA, "0.0.0.0")));
        Add("ARP reverse reply", Ethernet(0x0806, Arp(4, MacB, B, MacA, A)));
        Add("ARP inverse request", Ethernet(0x0806, Arp(8, MacA, A, MacB, "0.0.0.0")));
        Add("ARP for a non-IPv4 protocol", Ethernet(0x0806, [0, 1, 0x86, 0xDD, 6, 16, 0, 1, .. MacA, .. Address(A6), .. new byte[6], .. Address(B6)]));

        // ICMP
        Add("ICMP echo request", Ip(1, Icmp(8, 0, 0x1234_0001, new byte[56])));
        Add("ICMP echo reply", Ip(1, Icmp(0, 0, 0x1234_0001, new byte[56])));
        foreach (byte code in new byte[] { 0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 })
        {
            Add($"ICMP unreachable code {code}", Ip(1, Icmp(3, code, 0, Quote(17, Udp(B, C, 5000, 53, new byte[8])))));
        }

        Add("ICMP UDP port unreachable", Ip(1, Icmp(3, 3, 0, Quote(17, Udp(B, C, 5000, 7777, new byte[4])))));
        Add("ICMP TCP port unreachable", Ip(1, Icmp(3, 3, 0, Quote(6, Syn(8888)))));
        Add("ICMP other port unreachable", Ip(1, Icmp(3, 3, 0, Quote(253, new byte[8]))));
        Add("ICMP need to frag with MTU", Ip(1, Icmp(3, 4, 1400, Quote(6, Syn(80)))));
        Add("ICMP need to frag without MTU", Ip(1, Icmp(3, 4, 0, Quote(6, Syn(80)))));
        Add("ICMP redirect host", Ip(1, Icmp(5, 1, 0x0A4D0003, Quote(6, Syn(80)))));
        Add("ICMP redirect net", Ip(1, Icmp(5, 0, 0x0A4D0003, Quote(6, Syn(80)))));
        Add("ICMP redirect tos host", Ip(1, Icmp(5, 3, 0x0A4D0003, Quote(6, Syn(80)))));
        Add("ICMP time exceeded in transit", Ip(1, Icmp(11, 0, 0, Quote(17, Udp(B, C, 33434, 33435, new byte[8])))));
        Add("ICMP reassembly time exceeded", Ip(1, Icmp(11, 1, 0, Quote(17, Udp(B, C, 1, 2, new byte[8])))));
        Add("ICMP parameter problem", Ip(1, Icmp(12, 0, 0x1400_0000, Quote(6, Syn(80)))));
        Add("ICMP parameter problem with code", Ip(1, Icmp(12, 2, 0, Quote(6, Syn(80)))));
        Add("ICMP source quench", Ip(1, Icmp(4, 0, 0, Quote(6, Syn(80)))));
        Add("ICMP timestamp request", Ip(1, Icmp(13, 0, 0x0007_0002, new byte[12])));
        Add("ICMP timestamp reply", Ip(1, Icmp(14, 0, 0x0007_0002, [.. Be32(45_296_789), .. Be32(45_296_790), .. Be32(86_399_999)])));
        Add("ICMP information request", Ip(1, Icmp(15, 0, 0x0001_0001, [])));
        Add("ICMP address mask request", Ip(1, Icmp(17, 0, 0x0001_0001, new byte[4])));
        Add("ICMP address mask reply", Ip(1, Icmp(18, 0, 0x0001_0001, [255, 255, 255, 0])));
        Add("ICMP router solicitation", Ip(1, Icmp(10, 0, 0, [])));
        Add("ICMP router advertisement", Ip(1, Icmp(9, 0, 0x0202_0708, [.. Address(A), .. Be32(10), .. Address(C), .. Be32(0)])));
        Add("ICMP unknown type", Ip(1, Icmp(42, 0, 0, new byte[4])));

        // TCP: one conversation (relative sequence numbers), then single segments.
        Add("TCP SYN", Ip(6, Tcp(A, B, 40000, 8888, TcpFlags.Syn, 3_000_000_000, options: [2, 4, 5, 0xB4, 4, 2, 8, 10, .. Be32(111), .. Be32(0), 1, 3, 3, 7])));
        Add("TCP SYN-ACK", Ethernet(0x0800, Ipv4(B, A, 6, Tcp(B, A, 8888, 40000, TcpFlags.Syn | TcpFlags.Ack, 500, 3_000_000_001, options: [2, 4, 5, 0xB4, 1, 1, 4, 2]))));
        Add("TCP ACK", Ip(6, Tcp(A, B, 40000, 8888, TcpFlags.Ack, 3_000_000_001, 501, 502)));
        Add("TCP data", Ip(6, Tcp(A, B, 40000, 8888, TcpFlags.Psh | TcpFlags.Ack, 3_000_000_001, 501, 502, payload: "hello\n"u8.ToArray())));
        Add("TCP ACK with SACK", Ethernet(0x0800, Ipv4(B, A, 6, Tcp(B, A, 8888, 40000, TcpFlags.Ack, 501, 3_000_000_007, options: [1, 1, 5, 10, .. Be32(3_000_000_100), .. Be32(3_000_000_200)]))));
        Add("TCP FIN", Ip(6, Tcp(A, B, 40000, 8888, TcpFlags.Fin | TcpFlags.Ack, 3_000_000_007, 501)));
        Add("TCP RST", Ip(6, Tcp(A, B, 40001, 9, TcpFlags.Rst, 0)));
        Add("TCP RST-ACK", Ethernet(0x0800, Ipv4(B, A, 6, Tcp(B, A, 9, 40001, TcpFlags.Rst | TcpFlags.Ack, 0, 77))));
        Add("TCP urgent", Ip(6, Tcp(A, B, 40002, 23, TcpFlags.Urg | TcpFlags.Ack | TcpFlags.Psh, 10, 20, urgent: 3, payload: [1, 2, 3])));
        Add("TCP ECN flags", Ip(6, Tcp(A, B, 40003, 8080, TcpFlags.Syn | TcpFlags.Ece | TcpFlags.Cwr, 5)));
        Add("TCP no flags", Ip(6, Tcp(A, B, 40004, 8081, TcpFlags.None, 5)));
        Add("TCP all flags", Ip(6, Tcp(A, B, 40005, 8082, (TcpFlags)0xFF, 5, 6)));
        Add("TCP unknown option", Ip(6, Tcp(A, B, 40006, 8083, TcpFlags.Syn, 5, options: [99, 4, 0xAB, 0xCD])));
        Add("TCP option with wrong length", Ip(6, Tcp(A, B, 40007, 8084, TcpFlags.Syn, 5, options: [2, 5, 5, 0xB4, 0])));
        Add("TCP malformed option", Ip(6, Tcp(A, B, 40008, 8085, TcpFlags.Syn, 5, options: [2, 1, 0, 0])));
        Add("TCP end of options", Ip(6, Tcp(A, B, 40009, 8086, TcpFlags.Syn, 5, options: [1, 0, 0, 0])));
        Add("TCP timestamps only", Ip(6, Tcp(A, B, 40010, 8087, TcpFlags.Syn, 5, options: [1, 1, 8, 10, .. Be32(1), .. Be32(2)])));
        Add("TCP short header length", Ip(6, WithDataOffset(Tcp(A, B, 40011, 8088, TcpFlags.Syn, 5), 4)));

        // HTTP on port 80 and 8080: tcpdump prints the request or status line
        byte[] Http(ushort source, ushort destination, string data) => Ip(6, Tcp(A, B, source, destination, TcpFlags.Psh | TcpFlags.Ack, 7, 9, payload: System.Text.Encoding.ASCII.GetBytes(data)));
        Add("HTTP request", Http(40100, 80, "GET /index.html HTTP/1.1\r\nHost: 10.77.0.2\r\n\r\n"));
        Add("HTTP response", Http(80, 40100, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));
        Add("HTTP body", Http(80, 40100, "<html><body>hi</body></html>"));
        Add("HTTP binary body", Http(80, 40100, "\u0001\u0002binary"));
        Add("HTTP request on 8080 with LF only", Http(40101, 8080, "post /form HTTP/1.0\nX: y\n\n"));
        Add("HTTP request line without end", Http(40102, 80, "HEAD /unfinished HTTP/1.1"));
        Add("HTTP request line with a lone CR", Http(40103, 80, "GET /a\rb HTTP/1.1\r\n"));
        byte[] cutRequest = Http(40104, 80, "GET /a/rather/long/path HTTP/1.1\r\n");
        Add("HTTP request cut by the capture", cutRequest[..(cutRequest.Length - 10)], cutRequest.Length);

        // UDP
        Add("UDP", Ip(17, Udp(A, B, 5000, 7777, "hi\n"u8.ToArray())));
        Add("UDP without payload", Ip(17, Udp(A, B, 5001, 7778, [])));
        Add("UDP longer than its packet", Ip(17, Udp(A, B, 5002, 7779, new byte[4], length: 100)));
        Add("UDP shorter than a header", Ip(17, Udp(A, B, 5003, 7780, new byte[4], length: 4)));

        // IPv4 variations
        Add("IPv4 with router alert", Ethernet(0x0800, Ipv4(A, "224.0.0.22", 17, Udp(A, "224.0.0.22", 5000, 7777, [1]), options: [0x94, 4, 0, 0])));
        Add("IPv4 TTL 1 DF TOS", Ethernet(0x0800, Ipv4(A, B, 17, Udp(A, B, 5000, 7777, [1]), ttl: 1, dontFragment: true, tos: 0xB8)));
        Add("IPv4 first fragment", Ethernet(0x0800, Ipv4(A, B, 17, Udp(A, B, 5000, 7777, new byte[100])[..64], id: 77, moreFragments: true)));
        Add("IPv4 middle fragment", Ethernet(0x0800, Ipv4(A, B, 17, new byte[64], id: 77, moreFragments: true, fragmentOffset: 64)));
        Add("IPv4 last fragment", Ethernet(0x0800, Ipv4(A, B, 1, new byte[44], id: 77, fragmentOffset: 128)));
        Add("IPv4 unknown protocol", Ip(253, new byte[20]));
        Add("IPv4 total length 0", Ethernet(0x0800, Ipv4(A, B, 17, Udp(A, B, 5000, 7777, [1, 2]), totalLength: 0)));
        Add("IPv4 padded to 60 bytes", Ethernet(0x0800, [.. Ipv4(A, B, 17, Udp(A, B, 5000, 7777, [1])), .. new byte[17]]));
        Add("IPv4 header length 16", Ethernet(0x0800, WithByte(Ipv4(A, B, 17, Udp(A, B, 5000, 7777, [1])), 0, 0x44)));
        Add("IPv4 total length below header", Ethernet(0x0800, Ipv4(A, B, 17, Udp(A, B, 5000, 7777, [1]), totalLength: 12)));

        // IPv6 and ICMPv6
        Add("ICMPv6 echo request", Ip6(58, Icmpv6(A6, B6, 128, 0, 0x0042_0001, new byte[32])));
        Add("ICMPv6 echo reply", Ip6(58, Icmpv6(B6, A6, 129, 0, 0x0042_0001, new byte[32]), B6, A6));
        Add("ICMPv6 neighbor solicitation", Ip6(58, Icmpv6(LinkLocal, "ff02::1:ff00:2", 135, 0, 0, [.. Address(B6), 1, 1, .. MacA]), LinkLocal, "ff02::1:ff00:2"));
        Add("ICMPv6 neighbor advertisement", Ip6(58, Icmpv6(B6, LinkLocal, 136, 0, 0xE000_0000, [.. Address(B6), 2, 1, .. MacB]), B6, LinkLocal));
        Add("ICMPv6 router solicitation", Ip6(58, Icmpv6(LinkLocal, "ff02::2", 133, 0, 0, [1, 1, .. MacA]), LinkLocal, "ff02::2"));
        Add("ICMPv6 router advertisement", Ip6(58, Icmpv6(LinkLocal, "ff02::1", 134, 0, 0x40C0_0708, [.. Be32(30000), .. Be32(1000), 1, 1, .. MacB, 5, 1, 0, 0, .. Be32(1500),
            3, 4, 64, 0xC0, .. Be32(86400), .. Be32(14400), .. Be32(0), .. Address("fd77::")]), LinkLocal, "ff02::1"));
        Add("ICMPv6 redirect", Ip6(58, Icmpv6(LinkLocal, A6, 137, 0, 0, [.. Address("fe80::b"), .. Address("fd99::1")]), LinkLocal, A6));
        Add("ICMPv6 packet too big", Ip6(58, Icmpv6(B6, A6, 2, 0, 1280, Quote6(17, Udp(B6, "fd77::9", 1, 2, new byte[8]))), B6, A6));
        Add("ICMPv6 time exceeded", Ip6(58, Icmpv6(B6, A6, 3, 0, 0, Quote6(17, Udp(B6, "fd77::9", 1, 2, new byte[8]))), B6, A6));
        Add("ICMPv6 reassembly time exceeded", Ip6(58, Icmpv6(B6, A6, 3, 1, 0, Quote6(17, Udp(B6, "fd77::9", 1, 2, new byte[8]))), B6, A6));
        foreach (byte code in new byte[] { 0, 1, 2, 3 })
        {
            Add($"ICMPv6 unreachable code {code}", Ip6(58, Icmpv6(B6, A6, 1, code, 0, Quote6(17, Udp(B6, "fd77::9", 1, 2, new byte[8]))), B6, A6));
        }

        Add("ICMPv6 UDP port unreachable", Ip6(58, Icmpv6(B6, A6, 1, 4, 0, Quote6(17, Udp(B6, "fd77::9", 5000, 7777, new byte[8]))), B6, A6));
        Add("ICMPv6 TCP port unreachable", Ip6(58, Icmpv6(B6, A6, 1, 4, 0, Quote6(6, Tcp(B6, "fd77::9", 40000, 8888, TcpFlags.Syn))), B6, A6));
        foreach (byte code in new byte[] { 0, 1, 2, 9 })
        {
            Add($"ICMPv6 parameter problem code {code}", Ip6(58, Icmpv6(B6, A6, 4, code, 40, Quote6(17, Udp(B6, "fd77::9", 1, 2, new byte[8]))), B6, A6));
        }

        Add("MLD query", Ip6(58, Icmpv6(LinkLocal, "ff02::1", 130, 0, 0x2710_0000, new byte[16]), LinkLocal, "ff02::1"));
        Add("MLD report", Ip6(58, Icmpv6(LinkLocal, "ff02::1:3", 131, 0, 0, Address("ff02::1:3")), LinkLocal, "ff02::1:3"));
        Add("MLD done", Ip6(58, Icmpv6(LinkLocal, "ff02::2", 132, 0, 0, Address("ff02::1:3")), LinkLocal, "ff02::2"));
        Add("MLDv2 query", Ip6(58, Icmpv6(LinkLocal, "ff02::1", 130, 0, 0x2710_0000, [.. Address("ff02::1:3"), 2, 125, 0, 2, .. Address("fd77::5"), .. Address("fd77::6")]), LinkLocal, "ff02::1"));
        Add("MLDv2 report", Ip6(0, [.. Extension(58, [5, 2, 0, 0, 1, 0]), .. Icmpv6(LinkLocal, "ff02::16", 143, 0, 1, [4, 0, 0, 0, .. Address("ff02::1:ff00:2")])], LinkLocal, "ff02::16"));
        Add("ICMPv6 mtrace response", Ip6(58, Icmpv6(A6, B6, 200, 0, 0, [])));
        Add("ICMPv6 unknown type", Ip6(58, Icmpv6(A6, B6, 250, 0, 0, [1, 2, 3, 4])));
        Add("ICMPv6 node information query", Ip6(58, Icmpv6(A6, B6, 139, 0, 0, new byte[8])));
        Add("IPv6 TCP", Ip6(6, Tcp(A6, B6, 40000, 8888, TcpFlags.Syn, 7, options: [2, 4, 5, 0xA0])));
        Add("IPv6 TCP SYN-ACK", Ip6(6, Tcp(B6, A6, 8888, 40000, TcpFlags.Syn | TcpFlags.Ack, 70, 8), B6, A6));
        Add("IPv6 TCP data", Ip6(6, Tcp(A6, B6, 40000, 8888, TcpFlags.Psh | TcpFlags.Ack, 8, 71, payload: [1, 2, 3, 4])));
        Add("IPv6 UDP", Ip6(17, Udp(A6, B6, 5000, 7777, [1, 2, 3])));
        Add("IPv6 hop-by-hop then UDP", Ip6(0, [.. Extension(17, [5, 2, 0, 0, 1, 0]), .. Udp(A6, B6, 5000, 7777, [9])]));
        Add("IPv6 destination options then TCP", Ip6(60, [.. Extension(6, [1, 4, 0, 0, 0, 0]), .. Tcp(A6, B6, 40001, 8888, TcpFlags.Syn, 5)]));
        Add("IPv6 routing header then ICMPv6", Ip6(43, [.. Extension(58, [2, 1, 0, 0, 0, 0, .. Address("fd77::3")]), .. Icmpv6(A6, B6, 128, 0, 1, [])]));
        Add("IPv6 deprecated type 0 routing header", Ip6(43, [.. Extension(17, [0, 1, 0, 0, 0, 0, .. Address("fd77::3")]), .. Udp(A6, B6, 5000, 7777, [1])]));
        Add("IPv6 routing header of unknown type", Ip6(43, [.. Extension(17, [9, 0, 0, 0, 0, 0]), .. Udp(A6, B6, 5000, 7777, [1])]));
        Add("IPv6 first fragment", Ip6(44, [.. Fragment(17, 0, true, 0xBEEF), .. Udp(A6, B6, 5000, 7777, new byte[100])[..64]]));
        Add("IPv6 later fragment", Ip6(44, [.. Fragment(17, 64, false, 0xBEEF), .. new byte[44]]));
        Add("IPv6 unknown next header", Ip6(253, new byte[12]));
        Add("IPv6 no next header", Ip6(59, []));

        // Link layer
        Add("802.1Q tagged UDP", Ethernet(0x0800, Ipv4(A, B, 17, Udp(A, B, 1234, 5678, "abcd"u8.ToArray())), (0x8100, 0x200A)));
        Add("802.1Q priority 5 with DEI", Ethernet(0x0800, Ipv4(A, B, 6, Syn(443)), (0x8100, (5 << 13) | 0x1000 | 42)));
        Add("QinQ ARP", Ethernet(MacBroadcast, MacA, 0x0806, Arp(1, MacA, A, new byte[6], B), (0x88A8, 100), (0x8100, 20)));
        Add("0x9100 tagged IPv6", Ethernet(0x86DD, Ipv6(A6, B6, 17, Udp(A6, B6, 1, 2, [])), (0x9100, 7)));
        Add("Three tags", Ethernet(0x0800, Ipv4(A, B, 1, Icmp(8, 0, 0x0001_0001, [])), (0x88A8, 1), (0x8100, 2), (0x8100, 3)));
        Add("Unknown EtherType", Ethernet(0x88B5, new byte[46]));
        Add("Tagged unknown EtherType", Ethernet(0x88B6, new byte[42], (0x8100, 9)));
        Add("802.3 LLC", Ethernet(MacBroadcast, MacA, 38, [0x42, 0x42, 0x03, .. new byte[35]]));
        Add("LLDP", Ethernet([0x01, 0x80, 0xC2, 0, 0, 0x0E], MacA, 0x88CC, [0x02, 0x07, 0x04, .. MacA, 0x04, 0x02, 0x07, 0x31, 0x06, 0x02, 0, 120, 0, 0]));

        // Cut by the snap length
        byte[] syn = Ip(6, Syn(80));
        Add("TCP cut inside the header", syn[..44], syn.Length);
        byte[] udp = Ip(17, Udp(A, B, 5000, 7777, new byte[200]));
        Add("UDP cut in the payload", udp[..64], udp.Length);
        Add("TCP cut before the ports", syn[..36], syn.Length);
        Add("UDP cut after the ports", udp[..38], udp.Length);
        Add("UDP cut inside the ports", udp[..36], udp.Length);
        byte[] icmp = Ip(1, Icmp(8, 0, 0x0001_0001, new byte[20]));
        Add("ICMP cut inside the header", icmp[..38], icmp.Length);
        byte[] icmp6 = Ip6(58, Icmpv6(A6, B6, 128, 0, 0x0042_0001, new byte[32]));
        Add("ICMPv6 cut inside the header", icmp6[..58], icmp6.Length);
        Add("IPv6 cut inside the header", icmp6[..40], icmp6.Length);
        byte[] arp = Ethernet(0x0806, Arp(1, MacA, A, new byte[6], B));
        Add("ARP cut", arp[..30], arp.Length);
        Add("IPv4 cut inside the header", syn[..24], syn.Length);
        Add("Ethernet header cut", syn[..10], syn.Length);
        return frames;
    }

    private static byte[] WithDataOffset(byte[] tcp, int words)
    {
        tcp[12] = (byte)((words << 4) | (tcp[12] & 0x0F));
        return tcp;
    }

    private static byte[] WithByte(byte[] packet, int index, byte value)
    {
        packet[index] = value;
        return packet;
    }
}
