namespace Alpy.Capture;

/// <summary>Where a frame's bytes are inside a parsed record, and what its record header said.</summary>
/// <param name="DataStart">Offset of the frame's first byte from the start of the record.</param>
/// <param name="CapturedLength">Number of frame bytes in the record.</param>
/// <param name="OriginalLength">Length of the frame on the wire.</param>
/// <param name="TimestampNanoseconds">Capture time, nanoseconds since the Unix epoch (UTC).</param>
/// <param name="InterfaceId">pcapng interface index; 0 for classic pcap.</param>
/// <param name="LinkType">Link type of the frame.</param>
internal readonly record struct RecordHeader(
    int DataStart,
    int CapturedLength,
    int OriginalLength,
    long TimestampNanoseconds,
    int InterfaceId,
    LinkType LinkType);
