namespace Alpy.Capture;

/// <summary>Ethernet protocol numbers the decoder and the text output know by name; other values are carried as numbers.</summary>
public enum EtherType : ushort
{
    Ipv4 = 0x0800,
    Arp = 0x0806,
    WakeOnLan = 0x0842,
    ReverseArp = 0x8035,
    Vlan = 0x8100,
    Ipv6 = 0x86DD,
    MplsUnicast = 0x8847,
    MplsMulticast = 0x8848,
    PppoeDiscovery = 0x8863,
    PppoeSession = 0x8864,
    Eapol = 0x888E,
    QinQ = 0x88A8,
    Lldp = 0x88CC,
    MacSec = 0x88E5,
    Ptp = 0x88F7,
    Loopback = 0x9000,
    Vlan9100 = 0x9100,
    Vlan9200 = 0x9200,
}
