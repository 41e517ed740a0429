using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Alpy.Capture;

/// <summary>
/// Reads the records of one pcap or pcapng file with SharpPcap (libpcap does all the format work), from a
/// <see cref="ReadPosition"/> on, and knows after each record where the next one begins. Strict, a file cut inside
/// a record is an error; following (a file still being written), a cut last record is the end of what is there
/// now: the reader stops before it and reads it once it is complete. Every other problem libpcap reports is a
/// <see cref="CaptureFormatException"/> naming the file and the offset. libpcap bounds what it reads per record
/// (262,144 bytes per packet, 16 MiB per pcapng block), so no length field makes it read without limit.
/// </summary>
internal sealed class CaptureReader : IDisposable
{
    private const string OpenFailurePrefix = "Unable to open offline adapter: ";

    private readonly StdioFile _file;
    private readonly CaptureHandleReaderDevice _device;
    private readonly bool _follow;

    private CaptureReader(string path, StdioFile file, CaptureHandleReaderDevice device, ReadPosition position, bool follow)
    {
        Path = path;
        _file = file;
        _device = device;
        Position = position;
        _follow = follow;
    }

    public string Path { get; }

    public LinkLayers LinkType => _device.LinkType;

    /// <summary>Where the next record begins, and how many frames come before it.</summary>
    public ReadPosition Position { get; private set; }

    /// <summary>Following: whether the last read stopped at a record that is not completely written yet.</summary>
    public bool EndsInsideRecord { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> and places the reader at <paramref name="position"/>. Following, returns null
    /// while the file is too short to hold its header (just created by its writer).
    /// </summary>
    /// <exception cref="CaptureFormatException">libpcap cannot read the file's header.</exception>
    /// <exception cref="CaptureException">The file cannot be opened, or libpcap cannot be loaded.</exception>
    public static CaptureReader? Open(string path, ReadPosition position, bool follow)
    {
        StdioFile file;
        try
        {
            file = StdioFile.Open(path);
        }
        catch (IOException e)
        {
            throw new CaptureException($"The capture {e.Message} Check the path and that this user may read it.", e);
        }

        var device = new CaptureHandleReaderDevice(file);
        try
        {
            device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Nanosecond });
        }
        catch (Exception e) when (e is PcapException or DllNotFoundException || e.InnerException is DllNotFoundException)
        {
            device.Dispose();
            file.Dispose();
            // CaptureHandleReaderDevice wraps a missing libpcap in a NotSupportedException ("libpcap 1.5.0 or higher is required").
            if ((e as DllNotFoundException ?? e.InnerException) is DllNotFoundException missing)
            {
                throw LibpcapLoading.Missing(missing);
            }

            string reason = e.Message.StartsWith(OpenFailurePrefix, StringComparison.Ordinal) ? e.Message[OpenFailurePrefix.Length..] : e.Message;
            long length = new FileInfo(path).Length;
            if (follow && IsHeaderBeingWritten(reason, length))
            {
                return null;
            }

            throw new CaptureFormatException(path, 0, length == 0 ? $"the file is empty (libpcap: {reason})" : $"libpcap cannot read its header: {reason}");
        }

        var reader = new CaptureReader(path, file, device, position.Offset > 0 ? position : position with { Offset = file.Position }, follow);
        try
        {
            reader.Rewind();
            return reader;
        }
        catch (IOException e)
        {
            reader.Dispose();
            throw new CaptureException($"The capture {path} cannot be read from byte {position.Offset}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads the next complete record; false at the end of the file (or, following, before a record still being written).
    /// The capture's bytes stay valid until the next call.
    /// </summary>
    public bool TryRead(out PacketCapture capture)
    {
        GetPacketStatus status = _device.GetNextPacket(out capture);
        if (status == GetPacketStatus.PacketRead)
        {
            Position = new ReadPosition(_file.Position, Position.FramesBefore + 1);
            EndsInsideRecord = false;
            return true;
        }

        if (status == GetPacketStatus.NoRemainingPackets)
        {
            EndsInsideRecord = false;
            Rewind();
            return false;
        }

        string reason = _device.LastError;
        if (!IsCut(reason))
        {
            throw new CaptureFormatException(Path, Position.Offset, reason);
        }

        if (!_follow)
        {
            throw new CaptureFormatException(Path, Position.Offset, $"the file ends inside a record ({reason})");
        }

        EndsInsideRecord = true;
        Rewind();
        return false;
    }

    public void Dispose()
    {
        _device.Dispose();
        _file.Dispose();
    }

    /// <summary>
    /// libpcap's words for a file that ends inside its header or a record: "truncated dump file; ..." (pcap) and
    /// "truncated pcapng dump file; ..." (pcapng). Every other error is about bytes that are there.
    /// </summary>
    private static bool IsCut(string reason) => reason.StartsWith("truncated ", StringComparison.Ordinal);

    /// <summary>
    /// Whether a file libpcap cannot open yet may be the start of a header its writer is still writing: cut (see
    /// <see cref="IsCut"/>), shorter than the 12 bytes libpcap needs to tell pcapng from garbage ("unknown file
    /// format" before that), or a pcapng section header whose first interface description has not followed yet.
    /// </summary>
    private static bool IsHeaderBeingWritten(string reason, long length) =>
        IsCut(reason) || length < 12 || reason.Contains("has no Interface Description Blocks", StringComparison.Ordinal);

    /// <summary>Back to the end of the last complete record: libpcap reads on from there, also what is appended later.</summary>
    private void Rewind() => _file.Seek(Position.Offset);
}
