using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>The one's complement sum of RFC 1071 used by IPv4, ICMP, ICMPv6, TCP and UDP.</summary>
internal static class InternetChecksum
{
    /// <summary>Adds <paramref name="bytes"/> to a running 32-bit sum (an odd last byte is padded with zero).</summary>
    public static uint Add(uint sum, ReadOnlySpan<byte> bytes)
    {
        ulong total = sum;
        while (bytes.Length >= 4)
        {
            total += BinaryPrimitives.ReadUInt32BigEndian(bytes);
            bytes = bytes[4..];
        }

        if (bytes.Length >= 2)
        {
            total += BinaryPrimitives.ReadUInt16BigEndian(bytes);
            bytes = bytes[2..];
        }

        if (bytes.Length == 1)
        {
            total += (uint)bytes[0] << 8;
        }

        return Fold(total);
    }

    /// <summary>Whether a sum that includes the transmitted checksum adds up to all ones.</summary>
    public static bool IsValid(uint sum) => Fold(sum) == 0xFFFF;

    private static uint Fold(ulong total)
    {
        while (total > 0xFFFF)
        {
            total = (total & 0xFFFF) + (total >> 16);
        }

        return (uint)total;
    }
}
