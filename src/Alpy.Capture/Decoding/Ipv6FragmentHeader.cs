namespace Alpy.Capture;

/// <summary>The IPv6 fragment extension header.</summary>
/// <param name="NextHeader">Protocol of the fragmented payload.</param>
/// <param name="Offset">Offset of this fragment's data in the original packet, in bytes.</param>
/// <param name="MoreFragments">Whether more fragments follow.</param>
/// <param name="Identification">Identifies the fragments of one packet.</param>
public readonly record struct Ipv6FragmentHeader(IpProtocol NextHeader, int Offset, bool MoreFragments, uint Identification);
