using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints ICMPv6 as tcpdump does: "ICMP6, neighbor solicitation, who has fe80::1, length 32".</summary>
internal static class Icmpv6Text
{
    public static void Append(StringBuilder text, ReadOnlySpan<byte> icmp, int length)
    {
        byte type = icmp[0];
        byte code = icmp[1];
        text.Append("ICMP6, ").Append(TypeName(type));
        switch (type)
        {
            case 1:
                text.Append(", ").Append(code switch
                {
                    0 => "unreachable route",
                    1 => " unreachable prohibited", // sic: tcpdump 4.99 has this leading space
                    2 => "beyond scope",
                    3 => "unreachable address",
                    4 => "unreachable port",
                    _ => string.Create(CultureInfo.InvariantCulture, $"unknown unreach code ({code})"),
                });
                if (code > 4)
                {
                    return; // tcpdump dumps the bytes instead of a length.
                }

                if (!TryAppendUnreachable(text, icmp, code))
                {
                    text.Append(" [|icmp6]");
                    return;
                }

                break;
            case 2:
                text.Append(", mtu ").Append(BinaryPrimitives.ReadUInt32BigEndian(icmp[4..]));
                break;
            case 3:
                if (icmp.Length < 8 + 40)
                {
                    text.Append(" [|icmp6]");
                    return;
                }

                if (code == 0)
                {
                    text.Append(" for ").AppendIpv6(icmp.Slice(8 + 24, 16));
                }
                else
                {
                    text.Append(code == 1 ? " (reassembly)" : string.Create(CultureInfo.InvariantCulture, $", unknown code ({code})"));
                }

                break;
            case 4:
                text.Append(code switch
                {
                    0 => ", erroneous - octet ",
                    1 => ", next header - octet ",
                    2 => ", option - octet ",
                    _ => ", code-#",
                }).Append(code <= 2 ? BinaryPrimitives.ReadUInt32BigEndian(icmp[4..]) : code);
                break;
            case 128:
            case 129:
                text.Append(", id ").Append(Read16(icmp, 4)).Append(", seq ").Append(Read16(icmp, 6));
                break;
            case 130:
                if (length == 24)
                {
                    AppendListener(text, icmp);
                }
                else if (length >= 28)
                {
                    AppendQueryV2(text, icmp, length);
                }
                else
                {
                    text.Append(" unknown-version (len ").Append(length).Append(") ");
                }

                break;
            case 131:
            case 132:
                AppendListener(text, icmp);
                break;
            case 133:
            case 134:
                break;
            case 135:
            case 136:
                if (icmp.Length < 24)
                {
                    text.Append(" [|icmp6]");
                    return;
                }

                text.Append(type == 135 ? ", who has " : ", tgt is ").AppendIpv6(icmp.Slice(8, 16));
                break;
            case 137:
                if (icmp.Length < 40)
                {
                    text.Append(" [|icmp6]");
                    return;
                }

                text.Append(", ").AppendIpv6(icmp.Slice(24, 16)).Append(" to ").AppendIpv6(icmp.Slice(8, 16));
                break;
            case 143:
                text.Append(", ").Append(Read16(icmp, 6)).Append(" group record(s)");
                break;
            case 144:
            case 146:
                text.Append(CultureInfo.InvariantCulture, $", id 0x{Read16(icmp, 4):x4}");
                break;
            default:
                if (TypeName(type).StartsWith("unknown", StringComparison.Ordinal))
                {
                    text.Append(", length ").Append(length);
                    return; // followed by a dump of the bytes in tcpdump
                }

                break;
        }

        text.Append(", length ").Append(length);
    }

    /// <summary>For a message cut short: tcpdump gets as far as the type's name.</summary>
    public static void AppendTypeOnly(StringBuilder text, byte type) => text.Append("ICMP6, ").Append(TypeName(type));

    private static bool TryAppendUnreachable(StringBuilder text, ReadOnlySpan<byte> icmp, byte code)
    {
        if (icmp.Length < 8 + 40)
        {
            return false;
        }

        ReadOnlySpan<byte> quoted = icmp[8..];
        if (code != 4)
        {
            text.Append(' ').AppendIpv6(quoted.Slice(24, 16));
            if (code == 2)
            {
                text.Append(", source address ").AppendIpv6(quoted.Slice(8, 16));
            }

            return true;
        }

        var walker = new Ipv6HeaderChain.Walker(quoted);
        while (walker.MoveNext(out _, out _, out _, out _))
        {
        }

        if (Ipv6HeaderChain.IsExtension(walker.Protocol) || quoted.Length < walker.Offset + 4)
        {
            return false;
        }

        ushort port = Read16(quoted, walker.Offset + 2);
        text.Append(", ").AppendIpv6(quoted.Slice(24, 16));
        if (walker.Protocol is (byte)IpProtocol.Tcp or (byte)IpProtocol.Udp)
        {
            text.Append(walker.Protocol == (byte)IpProtocol.Tcp ? " tcp port " : " udp port ").Append(port);
        }
        else
        {
            text.Append(" protocol ").Append(quoted[6]).Append(" port ").Append(port).Append(" unreachable");
        }

        return true;
    }

    /// <summary>MLDv1 query/report/done, printed (as tcpdump does) right after the type name.</summary>
    private static void AppendListener(StringBuilder text, ReadOnlySpan<byte> icmp)
    {
        if (icmp.Length < 24)
        {
            return;
        }

        text.Append("max resp delay: ").Append(Read16(icmp, 4)).Append(" addr: ").AppendIpv6(icmp.Slice(8, 16));
    }

    private static void AppendQueryV2(StringBuilder text, ReadOnlySpan<byte> icmp, int length)
    {
        text.Append(" v2");
        if (icmp.Length < 28)
        {
            return;
        }

        text.Append(" [gaddr ").AppendIpv6(icmp.Slice(8, 16));
        int sources = Read16(icmp, 26);
        if (sources > 0 && length < 28 + (sources * 16))
        {
            text.Append(" [invalid number of sources]");
        }
        else if (sources > 0)
        {
            text.Append(", ").Append(sources).Append(" source(s)");
        }

        text.Append(']');
    }

    private static string TypeName(byte type) => type switch
    {
        1 => "destination unreachable",
        2 => "packet too big",
        3 => "time exceeded in-transit",
        4 => "parameter problem",
        128 => "echo request",
        129 => "echo reply",
        130 => "multicast listener query",
        131 => "multicast listener report",
        132 => "multicast listener done",
        133 => "router solicitation",
        134 => "router advertisement",
        135 => "neighbor solicitation",
        136 => "neighbor advertisement",
        137 => "redirect",
        138 => "router renumbering",
        139 => "node information query",
        140 => "node information reply",
        141 => "inverse neighbor solicitation",
        142 => "inverse neighbor advertisement",
        143 => "multicast listener report v2",
        144 => "ha discovery request",
        145 => "ha discovery reply",
        146 => "mobile router solicitation",
        147 => "mobile router advertisement",
        155 => "RPL",
        200 => "mtrace response",
        201 => "mtrace message",
        _ => string.Create(CultureInfo.InvariantCulture, $"unknown icmp6 type ({type})"),
    };

    private static ushort Read16(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);
}
