namespace Alpy.Capture;

/// <summary>Which header the decoder found at a layer.</summary>
internal enum LayerKind : byte
{
    None,
    Unknown,
    Arp,
    Ipv4,
    Ipv6,
    Icmp,
    Icmpv6,
    Tcp,
    Udp,
}
