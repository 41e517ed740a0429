using System.Buffers.Binary;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints an IPv6 packet as tcpdump -n does: addresses, extension headers ("HBH ", "frag (0|1448) "), then the upper layer.</summary>
internal static class Ipv6Text
{
    public static void Append(StringBuilder text, in Packet packet, in PacketLayout layout, TcpdumpFormatOptions options, TcpSequenceTracker? tracker)
    {
        ReadOnlySpan<byte> ip = packet.Data.Span[layout.NetworkOffset..];
        if (layout.Problem == PacketProblem.TruncatedIpv6Header)
        {
            text.Append(" [|ip6]"); // tcpdump checks the header before it prints "IP6"
            return;
        }

        if (!options.LinkLevel)
        {
            text.Append("IP6 ");
        }

        if (layout.Problem == PacketProblem.BadIpv6Version)
        {
            text.Append("version error: ").Append(ip[0] >> 4).Append(" != 6");
            return;
        }

        int wire = packet.OriginalLength - layout.NetworkOffset;
        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        int total = payloadLength == 0 ? wire : 40 + payloadLength;
        if (wire < total)
        {
            text.Append("truncated-ip6 - ").Append(total - wire).Append(" bytes missing!");
        }

        var endpoints = new IpEndpoints(ip.Slice(8, 16), ip.Slice(24, 16));
        byte first = ip[6];
        if (first is not ((byte)IpProtocol.Tcp or (byte)IpProtocol.Udp))
        {
            endpoints.Append(text).Append(": ");
        }

        var walker = new Ipv6HeaderChain.Walker(ip[..Math.Min(total, ip.Length)]);
        while (walker.MoveNext(out byte protocol, out _, out int offset, out int length))
        {
            ReadOnlySpan<byte> header = ip[offset..];
            switch (protocol)
            {
                case (byte)IpProtocol.HopByHopOptions:
                    text.Append("HBH ");
                    break;
                case (byte)IpProtocol.DestinationOptions:
                    text.Append("DSTOPT ");
                    break;
                case (byte)IpProtocol.Routing:
                    if (!RoutingText.TryAppend(text, header[..length]))
                    {
                        return;
                    }

                    break;
                case (byte)IpProtocol.AuthenticationHeader:
                    text.Append(System.Globalization.CultureInfo.InvariantCulture,
                        $"AH(spi=0x{BinaryPrimitives.ReadUInt32BigEndian(header[4..]):x8},seq=0x{BinaryPrimitives.ReadUInt32BigEndian(header[8..]):x}): ");
                    break;
                case (byte)IpProtocol.Fragment:
                    int fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(header[2..]) & 0xFFF8;
                    text.Append("frag (").Append(fragmentOffset).Append('|').Append(total - offset - length).Append(')');
                    if (!Ipv6HeaderChain.IsLaterFragment(header))
                    {
                        text.Append(' ');
                    }

                    break;
                default:
                    text.Append("ip-proto-").Append(protocol).Append(' ');
                    break;
            }
        }

        if (layout.IsLaterFragment)
        {
            return;
        }

        if (Ipv6HeaderChain.IsExtension(walker.Protocol))
        {
            text.Append(" [|ip6]");
            return;
        }

        TransportText.Append(text, packet, layout, endpoints, addressesPrinted: first is not ((byte)IpProtocol.Tcp or (byte)IpProtocol.Udp), total - walker.Offset, options, tracker);
    }
}
