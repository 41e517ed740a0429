using System.Buffers.Binary;

namespace Alpy.Capture.Tests;

/// <summary>Numbers as bytes in either byte order, for the capture builders.</summary>
internal static class EndianBytes
{
    public static byte[] U16(ushort value, bool bigEndian)
    {
        var bytes = new byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        }

        return bytes;
    }

    public static byte[] U32(uint value, bool bigEndian)
    {
        var bytes = new byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }

        return bytes;
    }

    public static byte[] U64(ulong value, bool bigEndian) =>
        bigEndian ? [.. U32((uint)(value >> 32), true), .. U32((uint)value, true)] : [.. U32((uint)value, false), .. U32((uint)(value >> 32), false)];
}
