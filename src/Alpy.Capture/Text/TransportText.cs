using System.Buffers.Binary;
using System.Text;

namespace Alpy.Capture;

/// <summary>Chooses the printer for what follows the IP header(s).</summary>
internal static class TransportText
{
    /// <param name="addressesPrinted">Whether the IP printer already printed "src > dst: " (IPv6 with extension headers).</param>
    /// <param name="length">The transport length the IP header declares (not what was captured).</param>
    public static void Append(
        StringBuilder text,
        in Packet packet,
        in PacketLayout layout,
        IpEndpoints endpoints,
        bool addressesPrinted,
        int length,
        TcpdumpFormatOptions options,
        TcpSequenceTracker? tracker)
    {
        ReadOnlySpan<byte> segment = packet.Data.Span.Slice(layout.TransportOffset, layout.TransportLength);
        switch (layout.Transport)
        {
            case LayerKind.Tcp:
                TcpText.Append(text, segment, endpoints, addressesPrinted, length, options, tracker);
                return;
            case LayerKind.Udp:
                UdpText.Append(text, segment, endpoints, addressesPrinted, length, layout.IsFragment);
                return;
        }

        if (layout.Problem == PacketProblem.TruncatedTransportHeader && layout.Protocol is (byte)IpProtocol.Tcp or (byte)IpProtocol.Udp)
        {
            AppendTruncatedPorts(text, segment, endpoints, addressesPrinted, layout.Protocol == (byte)IpProtocol.Tcp ? " [|tcp]" : " [|udp]");
            return;
        }

        if (!addressesPrinted)
        {
            endpoints.Append(text).Append(": ");
        }

        switch (layout.Transport)
        {
            case LayerKind.Icmp:
                IcmpText.Append(text, segment, length);
                break;
            case LayerKind.Icmpv6:
                Icmpv6Text.Append(text, segment, length);
                break;
            case LayerKind.None:
                text.Append("no next header");
                break;
            default:
                if (layout.Problem == PacketProblem.TruncatedTransportHeader)
                {
                    if (layout.Protocol == (byte)IpProtocol.Icmpv6 && segment.Length >= 4)
                    {
                        Icmpv6Text.AppendTypeOnly(text, segment[0]);
                    }

                    text.Append(" [|").Append(ProtocolLabel(layout.Protocol)).Append(']');
                }
                else
                {
                    text.Append(" ip-proto-").Append(layout.Protocol).Append(' ').Append(length);
                }

                break;
        }
    }

    /// <summary>A TCP or UDP header cut by the capture: tcpdump still names the ports when it has them.</summary>
    private static void AppendTruncatedPorts(StringBuilder text, ReadOnlySpan<byte> segment, IpEndpoints endpoints, bool addressesPrinted, string marker)
    {
        if (segment.Length >= 4)
        {
            endpoints.AppendPorts(text, BinaryPrimitives.ReadUInt16BigEndian(segment), BinaryPrimitives.ReadUInt16BigEndian(segment[2..]), addressesPrinted);
        }
        else if (!addressesPrinted)
        {
            // tcpdump's TCP printer ends "src > dst:" here, its UDP printer "src > dst: ".
            endpoints.Append(text).Append(marker == " [|tcp]" ? ":" : ": ");
        }

        text.Append(marker);
    }

    private static string ProtocolLabel(byte protocol) => protocol switch
    {
        (byte)IpProtocol.Tcp => "tcp",
        (byte)IpProtocol.Udp => "udp",
        (byte)IpProtocol.Icmp => "icmp",
        (byte)IpProtocol.Icmpv6 => "icmp6",
        _ => "ip",
    };
}
