using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints link-layer headers (with -e) and hands the payload to the network printers, as tcpdump's ether/sll printers do.</summary>
internal static class LinkText
{
    public static void Append(StringBuilder text, in Packet packet, TcpdumpFormatOptions options, TcpSequenceTracker? tracker)
    {
        switch (packet.LinkType)
        {
            case LinkType.Ethernet:
                AppendEthernet(text, packet, options, tracker);
                break;
            case LinkType.LinuxSll:
            case LinkType.LinuxSll2:
                AppendCooked(text, packet, options, tracker);
                break;
            case LinkType.Raw:
            case LinkType.Ipv4:
            case LinkType.Ipv6:
            case LinkType.Null:
            case LinkType.Loop:
                if (!NetworkText.TryAppend(text, packet, options, tracker))
                {
                    text.Append("unknown protocol, length ").Append(packet.OriginalLength);
                }

                break;
            default:
                text.Append("link type ").Append((int)packet.LinkType).Append(", length ").Append(packet.OriginalLength);
                break;
        }
    }

    private static void AppendEthernet(StringBuilder text, in Packet packet, TcpdumpFormatOptions options, TcpSequenceTracker? tracker)
    {
        ReadOnlySpan<byte> data = packet.Data.Span;
        if (data.Length < 14)
        {
            text.Append(" [|ether]");
            return;
        }

        bool link = options.LinkLevel;
        if (link)
        {
            text.AppendMac(data[6..]).Append(" > ").AppendMac(data).Append(", ");
        }

        int wire = packet.OriginalLength;
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(data[12..]);
        int offset = 14;
        bool printedLength = false;
        while (ProtocolNames.IsVlanTpid(type))
        {
            if (data.Length < offset + 4)
            {
                text.Append(" [|vlan]");
                return;
            }

            if (link)
            {
                AppendType(text, type);
                AppendLengthOnce(text, ref printedLength, wire);
                ushort tci = BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
                text.Append("vlan ").Append(tci & 0xFFF).Append(", p ").Append(tci >> 13).Append((tci & 0x1000) != 0 ? ", DEI, " : ", ");
            }

            type = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            offset += 4;
        }

        if (type <= 1500)
        {
            int length = Math.Min(type, wire - offset);
            if (link)
            {
                text.Append("802.3");
                if (!printedLength)
                {
                    text.Append(", length ").Append(length).Append(": ");
                }
            }

            text.Append("LLC, length ").Append(length);
            return;
        }

        if (link)
        {
            AppendType(text, type);
            AppendLengthOnce(text, ref printedLength, wire);
        }

        if (!NetworkText.TryAppend(text, packet, options, tracker) && !link)
        {
            // Unknown payloads: tcpdump names the addresses and type, then dumps the bytes (not part of one-line output).
            text.AppendMac(data[6..]).Append(" > ").AppendMac(data).Append(", ");
            AppendType(text, type);
            text.Append(", length ").Append(wire).Append(':');
        }
    }

    /// <summary>Linux cooked captures: tcpdump -e prints the packet type, the address and the protocol; -i any's SLL2 always names the interface.</summary>
    private static void AppendCooked(StringBuilder text, in Packet packet, TcpdumpFormatOptions options, TcpSequenceTracker? tracker)
    {
        ReadOnlySpan<byte> data = packet.Data.Span;
        bool version2 = packet.LinkType == LinkType.LinuxSll2;
        if (data.Length < (version2 ? 20 : 16))
        {
            text.Append(version2 ? " [|sll2]" : " [|sll]");
            return;
        }

        int packetType = version2 ? data[10] : BinaryPrimitives.ReadUInt16BigEndian(data);
        string direction = packetType switch { 0 => "In", 1 => "B", 2 => "M", 3 => "P", 4 => "Out", _ => "?" };
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(data[(version2 ? 0 : 14)..]);
        if (version2 && !options.LinkLevel)
        {
            // The interface index belongs to the capturing machine; tcpdump prints "?" when it cannot name it.
            text.Append(CultureInfo.InvariantCulture, $"{"?",-5} {direction,-3} ");
        }

        if (options.LinkLevel)
        {
            text.Append(CultureInfo.InvariantCulture, $"{direction,3} ");
            int addressLength = version2 ? data[11] : BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
            if (addressLength == 6)
            {
                text.AppendMac(data[(version2 ? 12 : 6)..]).Append(' ');
            }

            AppendType(text, type);
            text.Append(", length ").Append(packet.OriginalLength).Append(": ");
        }

        if (!NetworkText.TryAppend(text, packet, options, tracker))
        {
            text.Append("ethertype ").Append(ProtocolNames.EtherType(type)).Append(", length ").Append(packet.OriginalLength);
        }
    }

    private static void AppendType(StringBuilder text, ushort type) =>
        text.Append("ethertype ").Append(ProtocolNames.EtherType(type)).Append(CultureInfo.InvariantCulture, $" (0x{type:x4})");

    private static void AppendLengthOnce(StringBuilder text, ref bool printed, int length)
    {
        if (printed)
        {
            text.Append(", ");
            return;
        }

        printed = true;
        text.Append(", length ").Append(length).Append(": ");
    }
}
