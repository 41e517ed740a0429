using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>
/// Blocks of a pcapng file. Section Header Blocks set the byte order and start a new list of interfaces,
/// Interface Description Blocks add to it (link type, snap length, timestamp resolution and offset), Enhanced, Simple and (obsolete) Packet Blocks carry frames; all
/// other block types are skipped. The state is copied on write so that a clone stays valid.
/// </summary>
internal sealed class PcapngParser : RecordParser
{
    private const uint SectionHeaderType = 0x0A0D0D0A;
    private const uint InterfaceDescriptionType = 1;
    private const uint ObsoletePacketType = 2;
    private const uint SimplePacketType = 3;
    private const uint EnhancedPacketType = 6;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const int MinimumBlockLength = 12;

    private bool _bigEndian;
    private PcapngInterface[] _interfaces = [];

    public PcapngParser(string source, CaptureReaderOptions options)
        : base(source, options)
    {
    }

    /// <summary>Reads the byte order of the section header at the start of a file; false if it is not one.</summary>
    public static bool TryReadByteOrder(ReadOnlySpan<byte> start, out bool bigEndian)
    {
        bigEndian = false;
        if (start.Length < MinimumBlockLength || BinaryPrimitives.ReadUInt32LittleEndian(start) != SectionHeaderType)
        {
            return false;
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(start[8..]);
        bigEndian = magic != ByteOrderMagic;
        return magic == ByteOrderMagic || BinaryPrimitives.ReverseEndianness(magic) == ByteOrderMagic;
    }

    public override ParseStatus Parse(ReadOnlySpan<byte> data, long offset, out int length, out RecordHeader header)
    {
        header = default;
        if (data.Length < MinimumBlockLength)
        {
            length = MinimumBlockLength;
            return ParseStatus.NeedMoreData;
        }

        // The section header type reads the same in both byte orders; its byte order comes after the length.
        // (The file starts with one: the format detector made sure.)
        if (BinaryPrimitives.ReadUInt32LittleEndian(data) == SectionHeaderType)
        {
            _bigEndian = ReadSectionByteOrder(data, offset);
        }

        uint type = Read32(data);
        uint total = Read32(data[4..]);
        if (total < MinimumBlockLength || total % 4 != 0 || total > (uint)Options.MaxBlockLength)
        {
            throw Corrupt(offset, $"pcapng block of type 0x{type:x8} has a length of {total} bytes; a block is a multiple of 4 bytes, " +
                                  $"at least 12 and at most {Options.MaxBlockLength} (CaptureReaderOptions.MaxBlockLength)");
        }

        length = (int)total;
        if (data.Length < length)
        {
            return ParseStatus.NeedMoreData;
        }

        ReadOnlySpan<byte> block = data[..length];
        uint trailer = Read32(block[^4..]);
        if (trailer != total)
        {
            throw Corrupt(offset, $"pcapng block of type 0x{type:x8} starts with length {total} but ends with length {trailer}");
        }

        switch (type)
        {
            case SectionHeaderType:
                StartSection(block, offset);
                return ParseStatus.Metadata;
            case InterfaceDescriptionType:
                AddInterface(block, offset);
                return ParseStatus.Metadata;
            case EnhancedPacketType:
                header = ReadPacket(block, offset, (int)Math.Min(Read32(block[8..]), int.MaxValue), "Enhanced Packet Block");
                return ParseStatus.Frame;
            case ObsoletePacketType:
                header = ReadPacket(block, offset, Read16(block[8..]), "Packet Block");
                return ParseStatus.Frame;
            case SimplePacketType:
                header = ReadSimplePacket(block, offset);
                return ParseStatus.Frame;
            default:
                return ParseStatus.Metadata;
        }
    }

    public override RecordParser Clone() =>
        new PcapngParser(Source, Options) { _bigEndian = _bigEndian, _interfaces = _interfaces };

    private bool ReadSectionByteOrder(ReadOnlySpan<byte> data, long offset)
    {
        if (!TryReadByteOrder(data, out bool bigEndian))
        {
            throw Corrupt(offset, $"pcapng Section Header Block has byte-order magic 0x{BinaryPrimitives.ReadUInt32BigEndian(data[8..]):x8}; " +
                                  "expected 1a2b3c4d in either byte order");
        }

        return bigEndian;
    }

    private void StartSection(ReadOnlySpan<byte> block, long offset)
    {
        if (block.Length < 28)
        {
            throw Corrupt(offset, $"pcapng Section Header Block is {block.Length} bytes long; it needs at least 28");
        }

        ushort major = Read16(block[12..]);
        ushort minor = Read16(block[14..]);
        if (major != 1)
        {
            throw Corrupt(offset, $"pcapng version {major}.{minor} is not supported (only 1.x is)");
        }

        _interfaces = [];
    }

    private void AddInterface(ReadOnlySpan<byte> block, long offset)
    {
        if (block.Length < 20)
        {
            throw Corrupt(offset, $"pcapng Interface Description Block is {block.Length} bytes long; it needs at least 20");
        }

        if (_interfaces.Length >= Options.MaxInterfaces)
        {
            throw Corrupt(offset, $"the section describes more than {Options.MaxInterfaces} interfaces (CaptureReaderOptions.MaxInterfaces)");
        }

        var linkType = (LinkType)Read16(block[8..]);
        uint snapLength = Read32(block[12..]);
        byte resolution = 6;
        long offsetSeconds = 0;
        ReadOnlySpan<byte> options = block[16..^4];
        while (options.Length >= 4)
        {
            ushort code = Read16(options);
            ushort valueLength = Read16(options[2..]);
            if (code == 0)
            {
                break;
            }

            if (4 + valueLength > options.Length)
            {
                throw Corrupt(offset, $"option {code} of a pcapng Interface Description Block runs past the end of the block");
            }

            ReadOnlySpan<byte> value = options.Slice(4, valueLength);
            switch (code)
            {
                case 9 when valueLength >= 1:
                    resolution = value[0];
                    break;
                case 14 when valueLength == 8:
                    offsetSeconds = _bigEndian ? BinaryPrimitives.ReadInt64BigEndian(value) : BinaryPrimitives.ReadInt64LittleEndian(value);
                    break;
            }

            options = options[Math.Min(options.Length, 4 + ((valueLength + 3) & ~3))..];
        }

        var description = new PcapngInterface(linkType, (int)Math.Min(snapLength, int.MaxValue), resolution, offsetSeconds);
        if (!description.HasSupportedResolution)
        {
            throw Corrupt(offset, $"pcapng interface {_interfaces.Length} has timestamp resolution 0x{resolution:x2}, which is not a valid if_tsresol");
        }

        _interfaces = [.. _interfaces, description];
    }

    private RecordHeader ReadPacket(ReadOnlySpan<byte> block, long offset, int interfaceId, string kind)
    {
        if (block.Length < 32)
        {
            throw Corrupt(offset, $"pcapng {kind} is {block.Length} bytes long; it needs at least 32");
        }

        PcapngInterface description = InterfaceOf(interfaceId, offset, kind);
        ulong units = ((ulong)Read32(block[12..]) << 32) | Read32(block[16..]);
        uint captured = Read32(block[20..]);
        uint original = Read32(block[24..]);
        if (captured > (uint)(block.Length - 32))
        {
            throw Corrupt(offset, $"pcapng {kind} claims {captured} captured bytes but has room for {block.Length - 32}");
        }

        CheckFrameLength(captured, description, interfaceId, offset);
        return new RecordHeader(28, (int)captured, (int)Math.Min(original, int.MaxValue), description.ToNanoseconds(units), interfaceId, description.LinkType);
    }

    private RecordHeader ReadSimplePacket(ReadOnlySpan<byte> block, long offset)
    {
        if (block.Length < 16)
        {
            throw Corrupt(offset, $"pcapng Simple Packet Block is {block.Length} bytes long; it needs at least 16");
        }

        PcapngInterface description = InterfaceOf(0, offset, "Simple Packet Block");
        uint original = Read32(block[8..]);
        uint captured = Math.Min(original, (uint)(block.Length - 16));
        if (description.SnapLength > 0)
        {
            captured = Math.Min(captured, (uint)description.SnapLength);
        }

        CheckFrameLength(captured, description, 0, offset);
        return new RecordHeader(12, (int)captured, (int)Math.Min(original, int.MaxValue), 0, 0, description.LinkType);
    }

    private PcapngInterface InterfaceOf(int interfaceId, long offset, string kind)
    {
        if ((uint)interfaceId >= (uint)_interfaces.Length)
        {
            throw Corrupt(offset, $"pcapng {kind} refers to interface {interfaceId}, but the section describes {_interfaces.Length} interface(s)");
        }

        return _interfaces[interfaceId];
    }

    private void CheckFrameLength(uint captured, PcapngInterface description, int interfaceId, long offset)
    {
        bool snapSet = description.SnapLength > 0 && description.SnapLength <= Options.MaxFrameLength;
        int limit = snapSet ? description.SnapLength : Options.MaxFrameLength;
        if (captured > (uint)limit)
        {
            string what = snapSet
                ? $"the snap length {limit} of interface {interfaceId}"
                : $"the largest frame accepted ({limit} bytes, CaptureReaderOptions.MaxFrameLength)";
            throw Corrupt(offset, $"a packet block claims {captured} captured bytes, more than {what}");
        }
    }

    private uint Read32(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private ushort Read16(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
}
