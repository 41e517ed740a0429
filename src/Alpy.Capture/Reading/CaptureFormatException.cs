namespace Alpy.Capture;

/// <summary>
/// libpcap cannot read a capture file: it is empty, garbage, not a pcap/pcapng file, corrupt from some record on,
/// or (for a file that is not being written any more) cut inside its last record. Names the file, the byte offset
/// from which libpcap could not read on, and libpcap's own words.
/// </summary>
public sealed class CaptureFormatException : CaptureException
{
    public CaptureFormatException(string file, long offset, string reason)
        : base($"{file}: {reason} (libpcap could not read on from byte {offset}). The capture is corrupt, cut, or not a pcap/pcapng file " +
               $"from there on; compare with `tcpdump -r {file}` and inspect the bytes with `od -A d -t x1 -j {offset} -N 64 {file}`.")
    {
        File = file;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The file being read.</summary>
    public string File { get; }

    /// <summary>Byte offset of the record libpcap could not read (0: the file header).</summary>
    public long Offset { get; }

    /// <summary>What is wrong, in libpcap's words where libpcap said it.</summary>
    public string Reason { get; }
}
