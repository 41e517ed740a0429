namespace Alpy.Capture;

/// <summary>
/// The link-layer header type of captured frames: the LINKTYPE_ value of a pcap file header or a pcapng
/// interface description. Values not named here are still carried (cast from the number) and their frames
/// are read, filtered and summarised; only their link header is not decoded.
/// </summary>
public enum LinkType
{
    /// <summary>BSD loopback: a 4-byte protocol family in the writer's byte order.</summary>
    Null = 0,

    /// <summary>Ethernet II / 802.3, optionally with 802.1Q/802.1ad tags. QEMU's filter-dump and tcpdump on veth write this.</summary>
    Ethernet = 1,

    /// <summary>Raw IP: the frame starts with an IPv4 or IPv6 header.</summary>
    Raw = 101,

    /// <summary>OpenBSD loopback: a 4-byte protocol family in network byte order.</summary>
    Loop = 108,

    /// <summary>Linux "cooked" capture v1 (tcpdump -i any before libpcap 1.10).</summary>
    LinuxSll = 113,

    /// <summary>Raw IPv4: the frame starts with an IPv4 header.</summary>
    Ipv4 = 228,

    /// <summary>Raw IPv6: the frame starts with an IPv6 header.</summary>
    Ipv6 = 229,

    /// <summary>Linux "cooked" capture v2 (tcpdump -i any with libpcap 1.10 and later).</summary>
    LinuxSll2 = 276,
}
