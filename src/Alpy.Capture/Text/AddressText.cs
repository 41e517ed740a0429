using System.Globalization;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints addresses from their bytes as tcpdump -n does, without allocating an <see cref="System.Net.IPAddress"/>.</summary>
internal static class AddressText
{
    public static StringBuilder AppendIpv4(this StringBuilder text, ReadOnlySpan<byte> address) =>
        text.Append(address[0]).Append('.').Append(address[1]).Append('.').Append(address[2]).Append('.').Append(address[3]);

    /// <summary>RFC 5952 form: the longest run (first if tied) of two or more zero groups becomes "::"; IPv4-mapped and -compatible tails are dotted.</summary>
    public static StringBuilder AppendIpv6(this StringBuilder text, ReadOnlySpan<byte> address)
    {
        Span<int> words = stackalloc int[8];
        for (int i = 0; i < 8; i++)
        {
            words[i] = (address[2 * i] << 8) | address[(2 * i) + 1];
        }

        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8;)
        {
            if (words[i] != 0)
            {
                i++;
                continue;
            }

            int start = i;
            while (i < 8 && words[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }

        if (bestLength < 2)
        {
            bestStart = -1;
        }

        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                text.Append(':');
                i += bestLength - 1;
                if (i == 7)
                {
                    text.Append(':');
                }

                continue;
            }

            if (i > 0)
            {
                text.Append(':');
            }

            if (i == 6 && bestStart == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF)))
            {
                return text.AppendIpv4(address[12..]);
            }

            text.Append(CultureInfo.InvariantCulture, $"{words[i]:x}");
        }

        return text;
    }

    public static StringBuilder AppendMac(this StringBuilder text, ReadOnlySpan<byte> address)
    {
        Span<char> chars = stackalloc char[17];
        new MacAddress(address).TryFormat(chars, out int written, default, null);
        return text.Append(chars[..written]);
    }
}
