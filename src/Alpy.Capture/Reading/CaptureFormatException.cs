namespace Alpy.Capture;

/// <summary>
/// A capture file is not what its format says: bad magic number, impossible lengths, garbage, or (for a file
/// that is not being written any more) a truncated last record. Carries the file and the byte offset of the
/// offending header so that the reader can look at it (<c>xxd -s OFFSET FILE | head</c>).
/// </summary>
public sealed class CaptureFormatException : CaptureException
{
    public CaptureFormatException(string file, long offset, string reason)
        : base($"{file}: {reason} (at byte offset {offset}). The capture is corrupt or not a pcap/pcapng file from this offset on; " +
               $"inspect the bytes there with `od -A d -t x1 -j {offset} -N 64 {file}`, or compare with `tcpdump -r {file}`.")
    {
        File = file;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The file (or stream name) being read.</summary>
    public string File { get; }

    /// <summary>Byte offset in the file of the header that is wrong.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
