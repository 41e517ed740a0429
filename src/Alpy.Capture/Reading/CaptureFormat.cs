namespace Alpy.Capture;

/// <summary>The container format of a capture file.</summary>
public enum CaptureFormat
{
    /// <summary>Classic libpcap format (magic 0xa1b2c3d4, or 0xa1b23c4d for nanosecond timestamps), either byte order.</summary>
    Pcap,

    /// <summary>pcapng: sections, interface descriptions, enhanced/simple/obsolete packet blocks.</summary>
    Pcapng,
}
