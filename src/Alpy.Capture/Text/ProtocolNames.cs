namespace Alpy.Capture;

/// <summary>The names tcpdump prints for EtherTypes.</summary>
internal static class ProtocolNames
{
    public static string EtherType(ushort type) => type switch
    {
        0x0800 => "IPv4",
        0x8847 => "MPLS unicast",
        0x8848 => "MPLS multicast",
        0x86DD => "IPv6",
        0x8100 => "802.1Q",
        0x9100 => "802.1Q-9100",
        0x88A8 => "802.1Q-QinQ",
        0x9200 => "802.1Q-9200",
        0x88E5 => "802.1AE MACsec",
        0x0806 => "ARP",
        0x8035 => "Reverse ARP",
        0x809B => "Appletalk",
        0x80F3 => "Appletalk ARP",
        0x8137 => "IPX",
        0x880B => "PPP",
        0x8809 => "Slow Protocols",
        0x8863 => "PPPoE D",
        0x8864 => "PPPoE S",
        0x888E => "EAPOL",
        0x8870 => "Jumbo",
        0x894F => "NSH",
        0x9000 => "Loopback",
        0x8902 => "CFM",
        0x88CC => "LLDP",
        0x88F7 => "PTP",
        _ => "Unknown",
    };

    /// <summary>Whether <paramref name="type"/> is a VLAN tag protocol identifier tcpdump unwraps.</summary>
    public static bool IsVlanTpid(ushort type) => type is 0x8100 or 0x9100 or 0x9200 or 0x88A8;
}
