using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>A TCP header and its payload; a view of the frame's bytes.</summary>
public readonly struct TcpSegment
{
    private readonly ReadOnlyMemory<byte> _bytes;

    internal TcpSegment(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public ushort SourcePort => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span);

    public ushort DestinationPort => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[2..]);

    public uint SequenceNumber => BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span[4..]);

    public uint AcknowledgmentNumber => BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span[8..]);

    /// <summary>The data offset field in bytes: header plus options (20 to 60 when well formed).</summary>
    public int HeaderLength => (_bytes.Span[12] >> 4) * 4;

    public TcpFlags Flags => (TcpFlags)(BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[12..]) & 0x1FF);

    public bool Syn => (Flags & TcpFlags.Syn) != 0;

    public bool Ack => (Flags & TcpFlags.Ack) != 0;

    public bool Fin => (Flags & TcpFlags.Fin) != 0;

    public bool Rst => (Flags & TcpFlags.Rst) != 0;

    public bool Psh => (Flags & TcpFlags.Psh) != 0;

    public bool Urg => (Flags & TcpFlags.Urg) != 0;

    public ushort Window => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[14..]);

    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[16..]);

    public ushort UrgentPointer => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[18..]);

    /// <summary>The options in order, as far as they are well formed and captured.</summary>
    public IReadOnlyList<TcpOption> Options
    {
        get
        {
            var options = new List<TcpOption>();
            var reader = new TcpOptionReader(OptionBytes.Span);
            while (reader.MoveNext(out byte kind, out int offset, out int length))
            {
                int data = Math.Min(length, 2);
                options.Add(new TcpOption((TcpOptionKind)kind, length, OptionBytes.Slice(offset + data, length - data)));
            }

            return options;
        }
    }

    /// <summary>The maximum segment size option, if present.</summary>
    public ushort? MaximumSegmentSize => FindOption(TcpOptionKind.MaximumSegmentSize, 4, out int at) ? BinaryPrimitives.ReadUInt16BigEndian(OptionBytes.Span[(at + 2)..]) : null;

    /// <summary>The window scale shift count, if present.</summary>
    public byte? WindowScale => FindOption(TcpOptionKind.WindowScale, 3, out int at) ? OptionBytes.Span[at + 2] : null;

    public bool SackPermitted => FindOption(TcpOptionKind.SackPermitted, 2, out _);

    /// <summary>The timestamps option, if present.</summary>
    public TcpTimestamp? Timestamp
    {
        get
        {
            if (!FindOption(TcpOptionKind.Timestamp, 10, out int at))
            {
                return null;
            }

            ReadOnlySpan<byte> option = OptionBytes.Span[at..];
            return new TcpTimestamp(BinaryPrimitives.ReadUInt32BigEndian(option[2..]), BinaryPrimitives.ReadUInt32BigEndian(option[6..]));
        }
    }

    /// <summary>The data after the header (empty for a bare SYN or ACK), as far as it was captured.</summary>
    public ReadOnlyMemory<byte> Payload => _bytes[Math.Clamp(HeaderLength, 20, _bytes.Length)..];

    /// <summary>The option bytes between the fixed header and the payload, as far as they were captured.</summary>
    internal ReadOnlyMemory<byte> OptionBytes => _bytes[20..Math.Clamp(HeaderLength, 20, _bytes.Length)];

    private bool FindOption(TcpOptionKind wanted, int length, out int at)
    {
        var reader = new TcpOptionReader(OptionBytes.Span);
        while (reader.MoveNext(out byte kind, out int offset, out int optionLength))
        {
            if (kind == (byte)wanted && optionLength == length)
            {
                at = offset;
                return true;
            }
        }

        at = 0;
        return false;
    }
}
