namespace Alpy.Capture;

/// <summary>Why decoding stopped before the innermost layer a frame claims to have. The layers before it are still decoded.</summary>
public enum PacketProblem
{
    None,
    TruncatedLinkHeader,
    TruncatedVlanTag,
    TooManyVlanTags,
    TruncatedArp,
    TruncatedIpv4Header,
    BadIpv4Version,
    BadIpv4HeaderLength,
    BadIpv4TotalLength,
    TruncatedIpv6Header,
    BadIpv6Version,
    TruncatedIpv6ExtensionHeader,
    TooManyIpv6ExtensionHeaders,
    TruncatedTransportHeader,
    BadTcpHeaderLength,
}
