namespace Alpy.Capture;

/// <summary>IP protocol numbers (IPv4 protocol, IPv6 next header) the decoder knows by name.</summary>
public enum IpProtocol : byte
{
    HopByHopOptions = 0,
    Icmp = 1,
    Igmp = 2,
    IpInIp = 4,
    Tcp = 6,
    Udp = 17,
    Ipv6 = 41,
    Routing = 43,
    Fragment = 44,
    Gre = 47,
    Esp = 50,
    AuthenticationHeader = 51,
    Icmpv6 = 58,
    NoNextHeader = 59,
    DestinationOptions = 60,
    Ospf = 89,
    Pim = 103,
    Vrrp = 112,
    Sctp = 132,
    Mobility = 135,
}
