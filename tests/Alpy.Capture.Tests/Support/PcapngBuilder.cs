using System.Text;

namespace Alpy.Capture.Tests;

/// <summary>Writes pcapng: sections in either byte order, interface descriptions with options, and every packet block type.</summary>
internal sealed class PcapngBuilder
{
    private readonly List<byte> _bytes = [];
    private bool _bigEndian;

    public int Length => _bytes.Count;

    public PcapngBuilder Section(bool bigEndian = false, ushort major = 1)
    {
        _bigEndian = bigEndian;
        return Block(0x0A0D0D0A, [.. U32(0x1A2B3C4D), .. U16(major), .. U16(0), .. U64(ulong.MaxValue)]);
    }

    /// <param name="resolution">if_tsresol: 6 for microseconds, 9 for nanoseconds, 0x80 | n for 2^-n.</param>
    public PcapngBuilder Interface(ushort linkType = 1, uint snapLength = 262144, string? name = null, byte? resolution = null, long? offsetSeconds = null)
    {
        var options = new List<byte>();
        if (name is not null)
        {
            options.AddRange(Option(2, Encoding.UTF8.GetBytes(name)));
        }

        if (resolution is not null)
        {
            options.AddRange(Option(9, [resolution.Value]));
        }

        if (offsetSeconds is not null)
        {
            options.AddRange(Option(14, U64((ulong)offsetSeconds.Value)));
        }

        if (options.Count > 0)
        {
            options.AddRange(Option(0, []));
        }

        return Block(1, [.. U16(linkType), .. U16(0), .. U32(snapLength), .. options]);
    }

    /// <param name="units">The timestamp in the interface's units.</param>
    public PcapngBuilder Enhanced(uint interfaceId, ulong units, byte[] frame, uint? captured = null, uint? original = null) =>
        Block(6, [.. U32(interfaceId), .. U32((uint)(units >> 32)), .. U32((uint)units), .. U32(captured ?? (uint)frame.Length), .. U32(original ?? (uint)frame.Length), .. Padded(frame)]);

    public PcapngBuilder Simple(byte[] frame, uint? original = null) => Block(3, [.. U32(original ?? (uint)frame.Length), .. Padded(frame)]);

    /// <summary>The obsolete Packet Block (type 2), which libpcap still reads.</summary>
    public PcapngBuilder Obsolete(ushort interfaceId, ulong units, byte[] frame) =>
        Block(2, [.. U16(interfaceId), .. U16(0), .. U32((uint)(units >> 32)), .. U32((uint)units), .. U32((uint)frame.Length), .. U32((uint)frame.Length), .. Padded(frame)]);

    /// <summary>Any block, e.g. an interface statistics or custom block the reader must skip.</summary>
    public PcapngBuilder Block(uint type, byte[] body)
    {
        uint total = (uint)(12 + body.Length);
        _bytes.AddRange(U32(type));
        _bytes.AddRange(U32(total));
        _bytes.AddRange(body);
        _bytes.AddRange(U32(total));
        return this;
    }

    public PcapngBuilder Raw(params byte[] bytes)
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

    private static byte[] Padded(byte[] data) => [.. data, .. new byte[(4 - (data.Length % 4)) % 4]];

    private byte[] Option(ushort code, byte[] value) => [.. U16(code), .. U16((ushort)value.Length), .. Padded(value)];

    private byte[] U16(ushort value) => EndianBytes.U16(value, _bigEndian);

    private byte[] U32(uint value) => EndianBytes.U32(value, _bigEndian);

    private byte[] U64(ulong value) => EndianBytes.U64(value, _bigEndian);
}
