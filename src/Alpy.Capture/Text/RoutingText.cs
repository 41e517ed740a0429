using System.Buffers.Binary;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints an IPv6 routing header as tcpdump does: "RT6 (len=2, type=2, segleft=1, [0]fd77::3) ".</summary>
internal static class RoutingText
{
    /// <summary>False when tcpdump would call the header invalid and stop printing the packet.</summary>
    public static bool TryAppend(StringBuilder text, ReadOnlySpan<byte> header)
    {
        int length = header[1];
        byte type = header[2];
        text.Append("RT6 (len=").Append(length).Append(", type=").Append(type);
        if (type == 0)
        {
            text.Append(" [Deprecated]");
        }

        text.Append(", segleft=").Append(header[3]);
        if (type is not (0 or 2))
        {
            text.Append(" (unknown type) (invalid)");
            return false;
        }

        uint reserved = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        if (reserved != 0)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $", rsv=0x{reserved:x}");
        }

        if (length % 2 == 1)
        {
            text.Append(" [invalid length ").Append(length).Append("] (invalid)");
            return false;
        }

        for (int i = 0; i < length / 2; i++)
        {
            text.Append(", [").Append(i).Append(']').AppendIpv6(header.Slice(8 + (16 * i), 16));
        }

        text.Append(") ");
        return true;
    }
}
