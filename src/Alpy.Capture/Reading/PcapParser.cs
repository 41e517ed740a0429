using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>Records of a classic pcap file: a 16-byte header (seconds, fraction, captured and original length) and the frame.</summary>
internal sealed class PcapParser : RecordParser
{
    public const int FileHeaderLength = 24;
    private const int RecordHeaderLength = 16;

    private readonly bool _bigEndian;
    private readonly long _fractionToNanoseconds;
    private readonly LinkType _linkType;
    private readonly int _limit;
    private readonly string _limitReason;

    public PcapParser(string source, CaptureReaderOptions options, CaptureFileHeader header)
        : base(source, options)
    {
        _bigEndian = header.BigEndian;
        _fractionToNanoseconds = header.NanosecondTimestamps ? 1 : 1000;
        _linkType = header.LinkType ?? LinkType.Ethernet;
        // A snap length of 0 (unset) or beyond the reader's limit falls back to the limit: corrupt lengths stay bounded.
        if (header.SnapLength > 0 && header.SnapLength <= options.MaxFrameLength)
        {
            _limit = header.SnapLength;
            _limitReason = $"the file's snap length {header.SnapLength}";
        }
        else
        {
            _limit = options.MaxFrameLength;
            _limitReason = $"the largest frame accepted ({options.MaxFrameLength} bytes, CaptureReaderOptions.MaxFrameLength)";
        }
    }

    public override ParseStatus Parse(ReadOnlySpan<byte> data, long offset, out int length, out RecordHeader header)
    {
        header = default;
        if (data.Length < RecordHeaderLength)
        {
            length = RecordHeaderLength;
            return ParseStatus.NeedMoreData;
        }

        uint seconds = Read(data);
        uint fraction = Read(data[4..]);
        uint captured = Read(data[8..]);
        uint original = Read(data[12..]);
        if (captured > (uint)_limit)
        {
            throw Corrupt(offset, $"a record claims {captured} captured bytes, more than {_limitReason}");
        }

        length = RecordHeaderLength + (int)captured;
        if (data.Length < length)
        {
            return ParseStatus.NeedMoreData;
        }

        long nanoseconds = (seconds * 1_000_000_000L) + (fraction * _fractionToNanoseconds);
        header = new RecordHeader(
            RecordHeaderLength, (int)captured, (int)Math.Min(original, int.MaxValue), nanoseconds, 0, _linkType);
        return ParseStatus.Frame;
    }

    public override RecordParser Clone() => this;

    private uint Read(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
}
