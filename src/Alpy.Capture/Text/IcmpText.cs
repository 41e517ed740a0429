using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints ICMP as tcpdump does: "ICMP echo request, id 1, seq 2, length 64", "ICMP 10.0.0.2 udp port 53 unreachable, length 36".</summary>
internal static class IcmpText
{
    public static void Append(StringBuilder text, ReadOnlySpan<byte> icmp, int length)
    {
        text.Append("ICMP ");
        if (!TryAppendMessage(text, icmp))
        {
            text.Append(" [|icmp]");
            return;
        }

        text.Append(", length ").Append(length);
    }

    /// <summary>False when a field the message needs was not captured.</summary>
    private static bool TryAppendMessage(StringBuilder text, ReadOnlySpan<byte> icmp)
    {
        byte type = icmp[0];
        byte code = icmp[1];
        switch (type)
        {
            case 0:
            case 8:
                text.Append("echo ").Append(type == 8 ? "request" : "reply")
                    .Append(", id ").Append(Read16(icmp, 4)).Append(", seq ").Append(Read16(icmp, 6));
                return true;
            case 3:
                return TryAppendUnreachable(text, icmp, code);
            case 5:
                if (icmp.Length < 8 + 20)
                {
                    return false;
                }

                text.Append(code switch
                {
                    0 or 1 => "redirect ",
                    2 or 3 => "redirect-tos ",
                    _ => string.Create(CultureInfo.InvariantCulture, $"redirect-#{code} "),
                });
                text.AppendIpv4(icmp.Slice(8 + 16, 4)).Append(code switch
                {
                    0 or 2 => " to net ",
                    1 or 3 => " to host ",
                    _ => " to ",
                }).AppendIpv4(icmp.Slice(4, 4));
                return true;
            case 9:
                return TryAppendRouterAdvertisement(text, icmp);
            case 11:
                if (icmp.Length < 8 + 20)
                {
                    return false;
                }

                text.Append(code switch
                {
                    0 => "time exceeded in-transit",
                    1 => "ip reassembly time exceeded",
                    _ => string.Create(CultureInfo.InvariantCulture, $"time exceeded-#{code}"),
                });
                return true;
            case 12:
                text.Append(code != 0 ? "parameter problem - code " : "parameter problem - octet ").Append(code != 0 ? code : icmp[4]);
                return true;
            case 13:
                text.Append("time stamp query id ").Append(Read16(icmp, 4)).Append(" seq ").Append(Read16(icmp, 6));
                return true;
            case 14:
                if (icmp.Length < 20)
                {
                    return false;
                }

                text.Append("time stamp reply id ").Append(Read16(icmp, 4)).Append(" seq ").Append(Read16(icmp, 6))
                    .Append(": org ").Append(Milliseconds(Read32(icmp, 8)))
                    .Append(", recv ").Append(Milliseconds(Read32(icmp, 12)))
                    .Append(", xmit ").Append(Milliseconds(Read32(icmp, 16)));
                return true;
            case 18:
                if (icmp.Length < 12)
                {
                    return false;
                }

                text.Append(CultureInfo.InvariantCulture, $"address mask is 0x{Read32(icmp, 8):x8}");
                return true;
            default:
                text.Append(type switch
                {
                    4 => "source quench",
                    10 => "router solicitation",
                    15 => "information request",
                    16 => "information reply",
                    17 => "address mask request",
                    _ => string.Create(CultureInfo.InvariantCulture, $"type-#{type}"),
                });
                return true;
        }
    }

    private static bool TryAppendUnreachable(StringBuilder text, ReadOnlySpan<byte> icmp, byte code)
    {
        // Every unreachable message names the destination of the datagram it quotes.
        if (icmp.Length < 8 + 20)
        {
            return false;
        }

        ReadOnlySpan<byte> quoted = icmp[8..];
        string destination = new StringBuilder().AppendIpv4(quoted.Slice(16, 4)).ToString();
        switch (code)
        {
            case 2:
                text.Append(destination).Append(" protocol ").Append(quoted[9]).Append(" unreachable");
                return true;
            case 3:
                int headerLength = (quoted[0] & 0x0F) * 4;
                if (quoted.Length < headerLength + 4)
                {
                    return false;
                }

                ushort port = Read16(quoted, headerLength + 2);
                text.Append(destination);
                if (quoted[9] is (byte)IpProtocol.Tcp or (byte)IpProtocol.Udp)
                {
                    text.Append(quoted[9] == (byte)IpProtocol.Tcp ? " tcp port " : " udp port ").Append(port);
                }
                else
                {
                    text.Append(" protocol ").Append(quoted[9]).Append(" port ").Append(port);
                }

                text.Append(" unreachable");
                return true;
            case 4:
                ushort mtu = Read16(icmp, 6);
                text.Append(destination).Append(" unreachable - need to frag");
                if (mtu != 0)
                {
                    text.Append(" (mtu ").Append(mtu).Append(')');
                }

                return true;
            default:
                text.Append(code switch
                {
                    0 => $"net {destination} unreachable",
                    1 => $"host {destination} unreachable",
                    5 => $"{destination} unreachable - source route failed",
                    6 => $"net {destination} unreachable - unknown",
                    7 => $"host {destination} unreachable - unknown",
                    8 => $"{destination} unreachable - source host isolated",
                    9 => $"net {destination} unreachable - admin prohibited",
                    10 => $"host {destination} unreachable - admin prohibited",
                    11 => $"net {destination} unreachable - tos prohibited",
                    12 => $"host {destination} unreachable - tos prohibited",
                    13 => $"host {destination} unreachable - admin prohibited filter",
                    14 => $"host {destination} unreachable - host precedence violation",
                    15 => $"host {destination} unreachable - precedence cutoff",
                    _ => string.Create(CultureInfo.InvariantCulture, $"{destination} unreachable - #{code}"),
                });
                return true;
        }
    }

    private static bool TryAppendRouterAdvertisement(StringBuilder text, ReadOnlySpan<byte> icmp)
    {
        int lifetime = Read16(icmp, 6);
        text.Append("router advertisement lifetime ").Append(lifetime switch
        {
            < 60 => lifetime.ToString(CultureInfo.InvariantCulture),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{lifetime / 60}:{lifetime % 60:00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{lifetime / 3600}:{lifetime % 3600 / 60:00}:{lifetime % 60:00}"),
        });
        int count = icmp[4];
        text.Append(' ').Append(count).Append(':');
        if (icmp[5] != 2)
        {
            text.Append(" [size ").Append(icmp[5]).Append(']');
            return true;
        }

        for (int i = 0, at = 8; i < count; i++, at += 8)
        {
            if (icmp.Length < at + 8)
            {
                return false;
            }

            text.Append(" {").AppendIpv4(icmp.Slice(at, 4)).Append(' ').Append(Read32(icmp, at + 4)).Append('}');
        }

        return true;
    }

    /// <summary>Milliseconds since midnight UTC as HH:MM:SS.mmm.</summary>
    private static string Milliseconds(uint value) => string.Create(
        CultureInfo.InvariantCulture,
        $"{value / 1000 / 3600:00}:{value / 1000 / 60 % 60:00}:{value / 1000 % 60:00}.{value % 1000:000}");

    private static ushort Read16(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);

    private static uint Read32(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]);
}
