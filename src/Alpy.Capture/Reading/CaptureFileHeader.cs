namespace Alpy.Capture;

/// <summary>What the start of a capture file says about its contents.</summary>
/// <param name="Format">Classic pcap or pcapng.</param>
/// <param name="BigEndian">Whether the writer used big-endian byte order (of the first section, for pcapng).</param>
/// <param name="NanosecondTimestamps">Classic pcap only: whether record timestamps carry nanoseconds instead of microseconds.</param>
/// <param name="LinkType">Classic pcap only: the link type of every record; pcapng gives one per interface.</param>
/// <param name="SnapLength">Classic pcap only: the largest captured length a record may have (0 when the writer left it unset).</param>
public sealed record CaptureFileHeader(
    CaptureFormat Format,
    bool BigEndian,
    bool NanosecondTimestamps,
    LinkType? LinkType,
    int SnapLength);
