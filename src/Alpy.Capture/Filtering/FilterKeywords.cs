namespace Alpy.Capture;

/// <summary>The words libpcap's filter scanner (scanner.l, libpcap 1.10) reads as keywords or named numbers; every other word is a name.</summary>
internal static class FilterKeywords
{
    /// <summary>Qualifiers after which a name is looked up as a host (DNS): host, gateway, and src/dst with no type.</summary>
    public static readonly HashSet<string> HostQualifiers = ["host", "gateway", "src", "dst"];

    /// <summary>Qualifiers after which a name is resolved from local tables (services, protocols, networks, pflog, 802.11).</summary>
    public static readonly HashSet<string> LocalQualifiers =
    [
        "net", "port", "portrange", "proto", "protochain", "on", "ifname", "rset", "ruleset", "rnr", "rulenum",
        "srnr", "subrulenum", "reason", "action", "type", "subtype", "direction", "dir",
    ];

    /// <summary>Link-level protocol qualifiers: their host names come from /etc/ethers, not DNS.</summary>
    public static readonly HashSet<string> LinkQualifiers = ["link", "ether", "ppp", "slip", "fddi", "tr", "wlan"];

    public static readonly HashSet<string> All =
    [
        .. HostQualifiers, .. LocalQualifiers, .. LinkQualifiers,
        "arp", "rarp", "ip", "sctp", "tcp", "udp", "icmp", "igmp", "igrp", "pim", "vrrp", "carp", "radio", "ip6", "icmp6",
        "ah", "esp", "atalk", "aarp", "decnet", "lat", "sca", "moprc", "mopdl", "iso", "esis", "es-is", "isis", "is-is",
        "l1", "l2", "iih", "lsp", "snp", "csnp", "psnp", "clnp", "stp", "ipx", "netbeui", "mask", "address1", "addr1",
        "address2", "addr2", "address3", "addr3", "address4", "addr4", "ra", "ta", "less", "greater", "byte",
        "broadcast", "multicast", "and", "or", "not", "len", "length", "inbound", "outbound", "ifindex", "vlan", "mpls",
        "pppoed", "pppoes", "geneve", "lane", "llc", "metac", "bcc", "oam", "oamf4", "oamf4ec", "oamf4sc", "sc",
        "ilmic", "vpi", "vci", "connectmsg", "metaconnect", "fisu", "lssu", "lsu", "msu", "hfisu", "hlssu", "hmsu",
        "sio", "opc", "dpc", "sls", "hsio", "hopc", "hdpc", "hsls",
        "icmptype", "icmpcode", "icmp-echoreply", "icmp-unreach", "icmp-sourcequench", "icmp-redirect", "icmp-echo",
        "icmp-routeradvert", "icmp-routersolicit", "icmp-timxceed", "icmp-paramprob", "icmp-tstamp",
        "icmp-tstampreply", "icmp-ireq", "icmp-ireqreply", "icmp-maskreq", "icmp-maskreply",
        "icmp6type", "icmp6code", "icmp6-destinationunreach", "icmp6-packettoobig", "icmp6-timeexceeded",
        "icmp6-parameterproblem", "icmp6-echo", "icmp6-echoreply", "icmp6-multicastlistenerquery",
        "icmp6-multicastlistenerreportv1", "icmp6-multicastlistenerdone", "icmp6-routersolicit",
        "icmp6-routeradvert", "icmp6-neighborsolicit", "icmp6-neighboradvert", "icmp6-redirect",
        "icmp6-routerrenum", "icmp6-nodeinformationquery", "icmp6-nodeinformationresponse",
        "icmp6-ineighbordiscoverysolicit", "icmp6-ineighbordiscoveryadvert", "icmp6-multicastlistenerreportv2",
        "icmp6-homeagentdiscoveryrequest", "icmp6-homeagentdiscoveryreply", "icmp6-mobileprefixsolicit",
        "icmp6-mobileprefixadvert", "icmp6-certpathsolicit", "icmp6-certpathadvert", "icmp6-multicastrouteradvert",
        "icmp6-multicastroutersolicit", "icmp6-multicastrouterterm",
        "tcpflags", "tcp-fin", "tcp-syn", "tcp-rst", "tcp-push", "tcp-ack", "tcp-urg", "tcp-ece", "tcp-cwr",
    ];
}
