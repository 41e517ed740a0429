namespace Alpy.Capture;

/// <summary>One IPv6 extension header.</summary>
/// <param name="Protocol">Which extension header this is (hop-by-hop, routing, fragment, destination options, ...).</param>
/// <param name="NextHeader">What follows it.</param>
/// <param name="Data">All of its bytes, next-header and length bytes included.</param>
public readonly record struct Ipv6ExtensionHeader(IpProtocol Protocol, IpProtocol NextHeader, ReadOnlyMemory<byte> Data);
