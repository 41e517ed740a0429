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
                UdpText.Append(text, segment, endpoints, addressesPrinted, length);
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
                    text.Append("[|").Append(ProtocolLabel(layout.Protocol)).Append(']');
                }
                else
                {
                    text.Append(" ip-proto-").Append(layout.Protocol).Append(' ').Append(length);
                }

                break;
        }
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
