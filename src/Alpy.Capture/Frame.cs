using System.Globalization;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Alpy.Capture;

/// <summary>
/// One captured frame, kept: where it is in its capture, when it was captured, its bytes, and its layers as
/// PacketDotNet decodes them (<c>frame.Packet.Extract&lt;TcpPacket&gt;()?.DestinationPort</c>). Its tcpdump line is
/// in the window's <see cref="CaptureWindow.ToText"/>.
/// </summary>
public sealed class Frame
{
    private readonly byte[] _data;
    private Packet? _packet;

    internal Frame(long number, long timestampNanoseconds, int originalLength, LinkLayers linkType, byte[] data)
    {
        Number = number;
        TimestampNanoseconds = timestampNanoseconds;
        OriginalLength = originalLength;
        LinkType = linkType;
        _data = data;
    }

    /// <summary>Position of the frame in its capture file, counting from 1 (Wireshark's frame number, tcpdump's <c>-#</c>).</summary>
    public long Number { get; }

    /// <summary>Capture time in nanoseconds since the Unix epoch, UTC.</summary>
    public long TimestampNanoseconds { get; }

    /// <summary>Capture time (UTC), rounded down to 100 ns (at most <see cref="DateTimeOffset.MaxValue"/>).</summary>
    public DateTimeOffset Timestamp => TimestampNanoseconds / 100 > (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks
        ? DateTimeOffset.MaxValue
        : DateTimeOffset.UnixEpoch.AddTicks(TimestampNanoseconds / 100);

    /// <summary>Length of the frame on the wire (at least <see cref="Data"/>'s length).</summary>
    public int OriginalLength { get; }

    public LinkLayers LinkType { get; }

    /// <summary>The captured bytes.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>
    /// The frame decoded by PacketDotNet (decoded once, when first asked, from a copy of the bytes: PacketDotNet may
    /// write into what it decodes, e.g. an IPv4 total length of 0). PacketDotNet decodes lazily: reading a field that
    /// a cut or malformed frame does not hold throws (see <see cref="IsDecodingFailure"/>).
    /// </summary>
    public Packet Packet
    {
        get
        {
            if (_packet is null)
            {
                Interlocked.CompareExchange(ref _packet, Packet.ParsePacket(LinkType, (byte[])_data.Clone()), null);
            }

            return _packet;
        }
    }

    /// <summary>"#12 10:01:02.345678Z, 74 bytes" and PacketDotNet's summary of the layers.</summary>
    public override string ToString()
    {
        string summary;
        try
        {
            summary = Packet.ToString();
        }
        catch (Exception e) when (IsDecodingFailure(e))
        {
            summary = $"(PacketDotNet cannot decode it: {e.Message})";
        }

        return string.Create(CultureInfo.InvariantCulture, $"#{Number} {Timestamp.UtcDateTime:HH:mm:ss.ffffff}Z, {_data.Length} bytes {summary}");
    }

    /// <summary>
    /// What PacketDotNet throws when a field is read that a cut or malformed frame does not hold: IndexOutOfRangeException,
    /// ArgumentException (a buffer too short), InvalidOperationException (an impossible length), OverflowException
    /// (a length field out of range), dotpcap/packetnet#18; and NotImplementedException for a link type or protocol it
    /// does not decode.
    /// </summary>
    public static bool IsDecodingFailure(Exception exception) =>
        exception is IndexOutOfRangeException or ArgumentException or InvalidOperationException or ArithmeticException or NotImplementedException;

    /// <summary>Keeps the record a reader lends: copies its bytes.</summary>
    internal static Frame From(in PacketCapture capture, long number, LinkLayers linkType)
    {
        var header = (PcapHeader)capture.Header;
        // pcapng timestamps are 64-bit: a damaged one may lie beyond what nanoseconds in a long can hold (year 2262).
        decimal seconds = header.Timeval.Value;
        long nanoseconds = seconds >= long.MaxValue / 1_000_000_000 ? long.MaxValue : (long)(seconds * 1_000_000_000m);
        return new Frame(number, nanoseconds, (int)header.PacketLength, linkType, capture.Data.ToArray());
    }
}
