using System.Buffers.Binary;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints an IPv4 packet as tcpdump -n does, handing TCP, UDP and ICMP to their printers.</summary>
internal static class Ipv4Text
{
    public static void Append(StringBuilder text, in Packet packet, in PacketLayout layout, TcpdumpFormatOptions options, TcpSequenceTracker? tracker)
    {
        if (!options.LinkLevel)
        {
            text.Append("IP ");
        }

        ReadOnlySpan<byte> ip = packet.Data.Span[layout.NetworkOffset..];
        switch (layout.Problem)
        {
            case PacketProblem.TruncatedIpv4Header:
                text.Append(" [|ip]");
                return;
            case PacketProblem.BadIpv4Version:
                text.Append("IP").Append(ip[0] >> 4).Append(" [invalid]");
                return;
            case PacketProblem.BadIpv4HeaderLength:
                text.Append("bad-hlen ").Append((ip[0] & 0x0F) * 4);
                return;
            case PacketProblem.BadIpv4TotalLength:
                text.Append("bad-len ").Append(BinaryPrimitives.ReadUInt16BigEndian(ip[2..]));
                return;
        }

        int headerLength = (ip[0] & 0x0F) * 4;
        int wire = packet.OriginalLength - layout.NetworkOffset;
        int total = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (wire < total)
        {
            text.Append("truncated-ip - ").Append(total - wire).Append(" bytes missing! ");
        }

        var endpoints = new IpEndpoints(ip.Slice(12, 4), ip.Slice(16, 4));
        int payloadLength = total - headerLength;
        if (layout.IsLaterFragment)
        {
            endpoints.Append(text).Append(": ip-proto-").Append(ip[9]);
            return;
        }

        TransportText.Append(text, packet, layout, endpoints, addressesPrinted: false, payloadLength, options, tracker);
    }
}
