using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints ARP and RARP as tcpdump does: "Request who-has 10.0.0.2 tell 10.0.0.1, length 28".</summary>
internal static class ArpText
{
    public static void Append(StringBuilder text, in Packet packet, in PacketLayout layout, TcpdumpFormatOptions options)
    {
        ReadOnlySpan<byte> arp = packet.Data.Span[layout.NetworkOffset..];
        int length = packet.OriginalLength - layout.NetworkOffset;
        if (layout.Network != LayerKind.Arp)
        {
            text.Append(" [|arp]");
            return;
        }

        if (!options.LinkLevel)
        {
            text.Append("ARP, ");
        }

        ushort hardware = BinaryPrimitives.ReadUInt16BigEndian(arp);
        ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(arp[2..]);
        int hardwareLength = arp[4];
        int protocolLength = arp[5];
        ushort operation = BinaryPrimitives.ReadUInt16BigEndian(arp[6..]);
        if ((protocol != (ushort)EtherType.Ipv4 && protocol != 0x1000) || protocolLength != 4 || hardwareLength == 0)
        {
            text.Append(HardwareName(hardware)).Append(" (len ").Append(hardwareLength).Append("), ");
            text.Append(protocol > 1500 && ProtocolNames.EtherType(protocol) != "Unknown"
                ? ProtocolNames.EtherType(protocol)
                : string.Create(CultureInfo.InvariantCulture, $"Unknown Protocol (0x{protocol:x4})"));
            text.Append(" (len ").Append(protocolLength).Append("), length ").Append(length);
            return;
        }

        ReadOnlySpan<byte> senderHardware = arp.Slice(8, hardwareLength);
        ReadOnlySpan<byte> senderProtocol = arp.Slice(8 + hardwareLength, 4);
        ReadOnlySpan<byte> targetHardware = arp.Slice(12 + hardwareLength, hardwareLength);
        ReadOnlySpan<byte> targetProtocol = arp.Slice(12 + (2 * hardwareLength), 4);
        text.Append(OperationName(operation)).Append(' ');
        switch (operation)
        {
            case 1:
                text.Append("who-has ").AppendIpv4(targetProtocol);
                if (targetHardware.ContainsAnyExcept((byte)0))
                {
                    AppendLinkAddress(text.Append(" ("), targetHardware).Append(')');
                }

                text.Append(" tell ").AppendIpv4(senderProtocol);
                break;
            case 2:
                AppendLinkAddress(text.AppendIpv4(senderProtocol).Append(" is-at "), senderHardware);
                break;
            case 3:
            case 8:
                AppendLinkAddress(AppendLinkAddress(text.Append("who-is "), targetHardware).Append(" tell "), senderHardware);
                break;
            case 4:
                AppendLinkAddress(text, targetHardware).Append(" at ").AppendIpv4(targetProtocol);
                break;
            case 9:
                AppendLinkAddress(text, senderHardware).Append(" at ").AppendIpv4(senderProtocol);
                break;
            default:
                return; // tcpdump dumps the bytes of unknown operations instead of a length.
        }

        text.Append(", length ").Append(length);
    }

    private static string OperationName(ushort operation) => operation switch
    {
        1 => "Request",
        2 => "Reply",
        3 => "Reverse Request",
        4 => "Reverse Reply",
        8 => "Inverse Request",
        9 => "Inverse Reply",
        10 => "NACK Reply",
        _ => string.Create(CultureInfo.InvariantCulture, $"Unknown ({operation})"),
    };

    private static string HardwareName(ushort hardware) => hardware switch
    {
        1 => "Ethernet",
        6 => "TokenRing",
        15 => "FrameRelay",
        19 => "ATM",
        _ => string.Create(CultureInfo.InvariantCulture, $"Unknown Hardware ({hardware})"),
    };

    private static StringBuilder AppendLinkAddress(StringBuilder text, ReadOnlySpan<byte> address)
    {
        for (int i = 0; i < address.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : ":")}{address[i]:x2}");
        }

        return text;
    }
}
