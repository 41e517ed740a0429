using System.Buffers.Binary;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints UDP as tcpdump does for ports it has no application printer for: "UDP, length 3".</summary>
internal static class UdpText
{
    public static void Append(StringBuilder text, ReadOnlySpan<byte> udp, IpEndpoints endpoints, bool addressesPrinted, int length, bool fragment)
    {
        ushort sourcePort = BinaryPrimitives.ReadUInt16BigEndian(udp);
        ushort destinationPort = BinaryPrimitives.ReadUInt16BigEndian(udp[2..]);
        endpoints.AppendPorts(text, sourcePort, destinationPort, addressesPrinted);

        int declared = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (declared == 0 && length > 65535)
        {
            declared = length;
        }

        if (declared < 8)
        {
            text.Append("truncated-udplength ").Append(declared);
            return;
        }

        // A first fragment carries only part of the datagram: its length field is not checked against the packet.
        if (declared > length && !fragment)
        {
            text.Append("UDP, bad length ").Append(declared - 8).Append(" > ").Append(length - 8);
            return;
        }

        text.Append("UDP, length ").Append(declared - 8);
    }
}
