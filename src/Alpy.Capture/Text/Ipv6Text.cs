using System.Buffers.Binary;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints an IPv6 packet as tcpdump -n does: addresses, extension headers ("HBH ", "frag (0|1448) "), then the upper layer.</summary>
internal static class Ipv6Text
{
    public static void Append(StringBuilder text, in Packet packet, in PacketLayout layout, TcpdumpFormatOptions options, TcpSequenceTracker? tracker)
    {
        if (!options.LinkLevel)
        {
            text.Append("IP6 ");
        }

        ReadOnlySpan<byte> ip = packet.Data.Span[layout.NetworkOffset..];
        if (layout.Problem is PacketProblem.TruncatedIpv6Header or PacketProblem.BadIpv6Version)
        {
            text.Append(layout.Problem == PacketProblem.BadIpv6Version ? "version error: " + (ip[0] >> 4) : "[|ip6]");
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
                    text.Append("srcrt (len=").Append(header[1]).Append(", type=").Append(header[2])
                        .Append(", segleft=").Append(header[3]).Append(") ");
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
            text.Append("[|ip6]");
            return;
        }

        TransportText.Append(text, packet, layout, endpoints, addressesPrinted: first is not ((byte)IpProtocol.Tcp or (byte)IpProtocol.Udp), total - walker.Offset, options, tracker);
    }
}
