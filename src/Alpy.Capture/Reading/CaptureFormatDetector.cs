using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>Recognises a capture file by its first bytes and makes the parser for the rest.</summary>
internal static class CaptureFormatDetector
{
    private const uint PcapMicroseconds = 0xA1B2C3D4;
    private const uint PcapNanoseconds = 0xA1B23C4D;

    /// <summary>Bytes needed before <see cref="TryDetect"/> can decide (the longest file header).</summary>
    public const int BytesNeeded = PcapParser.FileHeaderLength;

    /// <summary>
    /// Returns false when <paramref name="start"/> is too short to decide and the data may still grow
    /// (<paramref name="needed"/> says how much is required); throws for anything that is not a capture.
    /// </summary>
    /// <param name="headerLength">Bytes of file header the parser does not parse itself (24 for pcap, 0 for pcapng).</param>
    public static bool TryDetect(
        ReadOnlySpan<byte> start,
        string source,
        CaptureReaderOptions options,
        out RecordParser? parser,
        out CaptureFileHeader? header,
        out int headerLength,
        out int needed)
    {
        parser = null;
        header = null;
        headerLength = 0;
        needed = 4;
        if (start.Length < needed)
        {
            return false;
        }

        uint little = BinaryPrimitives.ReadUInt32LittleEndian(start);
        uint big = BinaryPrimitives.ReadUInt32BigEndian(start);
        if (little is PcapMicroseconds or PcapNanoseconds || big is PcapMicroseconds or PcapNanoseconds)
        {
            needed = PcapParser.FileHeaderLength;
            if (start.Length < needed)
            {
                return false;
            }

            bool bigEndian = big is PcapMicroseconds or PcapNanoseconds;
            header = ReadPcapHeader(start, source, bigEndian, (bigEndian ? big : little) == PcapNanoseconds);
            parser = new PcapParser(source, options, header);
            headerLength = PcapParser.FileHeaderLength;
            return true;
        }

        if (little == 0x0A0D0D0A)
        {
            needed = 12;
            if (start.Length < needed)
            {
                return false;
            }

            if (!PcapngParser.TryReadByteOrder(start, out bool bigEndian))
            {
                throw new CaptureFormatException(source, 8, $"pcapng byte-order magic is 0x{BinaryPrimitives.ReadUInt32BigEndian(start[8..]):x8}; expected 1a2b3c4d in either byte order");
            }

            header = new CaptureFileHeader(CaptureFormat.Pcapng, bigEndian, false, null, 0);
            parser = new PcapngParser(source, options);
            return true;
        }

        throw new CaptureFormatException(
            source, 0, $"the file starts with 0x{big:x8}, which is neither a pcap magic number (a1b2c3d4, a1b23c4d, either byte order) nor a pcapng section header (0a0d0d0a)");
    }

    private static CaptureFileHeader ReadPcapHeader(ReadOnlySpan<byte> start, string source, bool bigEndian, bool nanoseconds)
    {
        ushort major = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(start[4..]) : BinaryPrimitives.ReadUInt16LittleEndian(start[4..]);
        ushort minor = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(start[6..]) : BinaryPrimitives.ReadUInt16LittleEndian(start[6..]);
        if (major != 2)
        {
            throw new CaptureFormatException(source, 4, $"pcap version {major}.{minor} is not supported (only 2.x is)");
        }

        uint snapLength = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(start[16..]) : BinaryPrimitives.ReadUInt32LittleEndian(start[16..]);
        uint network = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(start[20..]) : BinaryPrimitives.ReadUInt32LittleEndian(start[20..]);
        // The upper bits of the link type field carry FCS information (LT_FCS_*), not the type.
        var linkType = (LinkType)(network & 0x03FF_FFFF);
        return new CaptureFileHeader(CaptureFormat.Pcap, bigEndian, nanoseconds, linkType, (int)Math.Min(snapLength, int.MaxValue));
    }
}
