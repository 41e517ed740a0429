using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>
/// Writes classic pcap (little-endian, microsecond or nanosecond timestamps), the format tcpdump and
/// Wireshark read everywhere. Used to save a scenario's window next to its report. Not thread-safe.
/// </summary>
public sealed class PcapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly bool _nanoseconds;
    private readonly byte[] _header = new byte[16];

    /// <param name="snapLength">Written into the file header; longer frames are cut to it.</param>
    public PcapWriter(Stream stream, LinkType linkType = LinkType.Ethernet, int snapLength = 262_144, bool nanoseconds = false, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(snapLength, 1);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _nanoseconds = nanoseconds;
        LinkType = linkType;
        SnapLength = snapLength;
        Span<byte> header = stackalloc byte[PcapParser.FileHeaderLength];
        BinaryPrimitives.WriteUInt32LittleEndian(header, nanoseconds ? 0xA1B23C4Du : 0xA1B2C3D4u);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)linkType);
        _stream.Write(header);
    }

    public LinkType LinkType { get; }

    public int SnapLength { get; }

    /// <summary>Creates (or replaces) a pcap file.</summary>
    public static PcapWriter Create(string path, LinkType linkType = LinkType.Ethernet, bool nanoseconds = false) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), linkType, nanoseconds: nanoseconds);

    /// <summary>Appends one frame.</summary>
    /// <param name="originalLength">Length on the wire; defaults to the data's length.</param>
    public void Write(long timestampNanoseconds, ReadOnlySpan<byte> data, int originalLength = -1)
    {
        ReadOnlySpan<byte> captured = data.Length > SnapLength ? data[..SnapLength] : data;
        long seconds = Math.DivRem(timestampNanoseconds, 1_000_000_000, out long fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += 1_000_000_000;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(_header, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(4), (uint)(_nanoseconds ? fraction : fraction / 1000));
        BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(8), (uint)captured.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(12), (uint)Math.Max(originalLength, data.Length));
        _stream.Write(_header);
        _stream.Write(captured);
    }

    /// <summary>Appends a frame read from a capture; it must have this file's link type.</summary>
    public void Write(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        RequireLinkType(frame.LinkType);
        Write(frame.TimestampNanoseconds, frame.Data.Span, frame.OriginalLength);
    }

    /// <summary>Appends a frame as a reader returned it; it must have this file's link type.</summary>
    public void Write(in CaptureRecord record)
    {
        RequireLinkType(record.LinkType);
        Write(record.TimestampNanoseconds, record.Data.Span, record.OriginalLength);
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void RequireLinkType(LinkType linkType)
    {
        if (linkType != LinkType)
        {
            throw new ArgumentException($"A {linkType} frame cannot go into a pcap file of {LinkType} frames: classic pcap has one link type per file.");
        }
    }
}
