namespace Alpy.Capture.Tests;

/// <summary>Writes classic pcap in either byte order and resolution, and lets tests write impossible records on purpose.</summary>
internal sealed class PcapBuilder
{
    private readonly List<byte> _bytes = [];
    private readonly bool _bigEndian;
    private readonly bool _nanoseconds;

    public PcapBuilder(bool bigEndian = false, bool nanoseconds = false, uint snapLength = 262144, uint linkType = 1, ushort major = 2, ushort minor = 4)
    {
        _bigEndian = bigEndian;
        _nanoseconds = nanoseconds;
        Add32(nanoseconds ? 0xA1B23C4D : 0xA1B2C3D4);
        Add16(major);
        Add16(minor);
        Add32(0);
        Add32(0);
        Add32(snapLength);
        Add32(linkType);
    }

    public int Length => _bytes.Count;

    /// <summary>Adds a record; the lengths default to the frame's, and may be set to anything.</summary>
    public PcapBuilder Record(long nanoseconds, byte[] frame, uint? captured = null, uint? original = null)
    {
        Add32((uint)(nanoseconds / 1_000_000_000));
        Add32((uint)(_nanoseconds ? nanoseconds % 1_000_000_000 : nanoseconds % 1_000_000_000 / 1000));
        Add32(captured ?? (uint)frame.Length);
        Add32(original ?? (uint)frame.Length);
        _bytes.AddRange(frame);
        return this;
    }

    public PcapBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, ToArray());
        return path;
    }

    private void Add16(ushort value) => _bytes.AddRange(EndianBytes.U16(value, _bigEndian));

    private void Add32(uint value) => _bytes.AddRange(EndianBytes.U32(value, _bigEndian));
}
