namespace Alpy.Capture.Tests;

/// <summary>The RFC 1071 checksum, written again here so that the tests do not trust the library's own.</summary>
internal static class Checksum
{
    public static ushort Compute(params byte[][] parts)
    {
        long sum = 0;
        foreach (byte[] part in parts)
        {
            for (int i = 0; i < part.Length; i += 2)
            {
                sum += (part[i] << 8) | (i + 1 < part.Length ? part[i + 1] : 0);
            }
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
