using System.Buffers.Binary;

namespace Alpy.Qemu.Tests.Support;

/// <summary>Just enough of the classic pcap format to check what QEMU's filter-dump wrote (the project's capture
/// library is tested on its own): the link type and each frame's bytes.</summary>
public static class PcapFile
{
    public const uint Ethernet = 1;

    /// <summary>Reads the link type and the frames of a classic pcap file (microsecond, either byte order).</summary>
    public static (uint LinkType, IReadOnlyList<byte[]> Frames) Read(string path)
    {
        var data = File.ReadAllBytes(path);
        if (data.Length < 24)
        {
            throw new InvalidDataException($"{path} holds {data.Length} bytes, less than a pcap header.");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var little = magic switch
        {
            0xa1b2c3d4 => true,
            0xd4c3b2a1 => false,
            _ => throw new InvalidDataException($"{path} does not start with a pcap magic (got 0x{magic:x8})."),
        };
        uint U32(int offset) => little ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));

        var frames = new List<byte[]>();
        for (var offset = 24; offset + 16 <= data.Length;)
        {
            var captured = (int)U32(offset + 8);
            if (offset + 16 + captured > data.Length)
            {
                break; // the last record is still being written
            }

            frames.Add(data.AsSpan(offset + 16, captured).ToArray());
            offset += 16 + captured;
        }

        return (U32(20), frames);
    }

    /// <summary>The EtherType of an Ethernet frame (0x8100 for an 802.1Q-tagged one).</summary>
    public static int EtherType(byte[] frame) => frame[12] << 8 | frame[13];
}
