namespace Alpy.Capture;

/// <summary>
/// One frame as a <see cref="CaptureReader"/> returns it: its record header and a view of its bytes in the
/// reader's buffer. The view is valid only until the next read; call <see cref="ToFrame"/> to keep the frame.
/// </summary>
public readonly struct CaptureRecord
{
    internal CaptureRecord(long number, long offset, in RecordHeader header, ReadOnlyMemory<byte> data)
    {
        Number = number;
        Offset = offset;
        TimestampNanoseconds = header.TimestampNanoseconds;
        OriginalLength = header.OriginalLength;
        InterfaceId = header.InterfaceId;
        LinkType = header.LinkType;
        Data = data;
    }

    /// <summary>Position of the frame in the file, counting from 1 (as tcpdump's -# and Wireshark do).</summary>
    public long Number { get; }

    /// <summary>Byte offset of the frame's record (pcap record header or pcapng block) in the file.</summary>
    public long Offset { get; }

    /// <summary>Capture time in nanoseconds since the Unix epoch, UTC.</summary>
    public long TimestampNanoseconds { get; }

    /// <summary>Capture time (UTC), rounded down to the 100 ns resolution of <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Timestamp => Timestamps.FromNanoseconds(TimestampNanoseconds);

    /// <summary>Length of the frame on the wire; larger than <c>Data.Length</c> when the capture cut it at the snap length.</summary>
    public int OriginalLength { get; }

    /// <summary>The pcapng interface the frame was captured on; 0 for classic pcap.</summary>
    public int InterfaceId { get; }

    /// <summary>Link-layer header type of <see cref="Data"/>.</summary>
    public LinkType LinkType { get; }

    /// <summary>The captured bytes, borrowed from the reader until its next read.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Copies the frame out of the reader's buffer and decodes it.</summary>
    public Frame ToFrame() => new(Number, Offset, TimestampNanoseconds, OriginalLength, InterfaceId, LinkType, Data.ToArray());
}
