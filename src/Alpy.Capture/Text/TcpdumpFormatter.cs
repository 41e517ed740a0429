using System.Text;

namespace Alpy.Capture;

/// <summary>
/// Prints frames one line each, the way <c>tcpdump -n -r FILE</c> does (see <see cref="TcpdumpFormatOptions"/>
/// for -e, -S, -# and the -t styles): ARP, IPv4, IPv6 with extension headers, ICMP, ICMPv6, TCP and UDP are
/// printed as tcpdump prints them; application protocols are not decoded (tcpdump prints e.g. DNS queries
/// where this prints "UDP, length 29"). Stateful like tcpdump: feed it the frames of one capture in order so
/// that relative TCP sequence numbers and time deltas come out right. Not thread-safe.
/// </summary>
public sealed class TcpdumpFormatter
{
    private static readonly TcpdumpFormatOptions Stateless = new() { AbsoluteSequenceNumbers = true };

    private readonly TcpdumpFormatOptions _options;
    private readonly TcpSequenceTracker? _tracker;
    private readonly StringBuilder _line = new(192);
    private long? _first;
    private long? _previous;

    public TcpdumpFormatter(TcpdumpFormatOptions? options = null)
    {
        _options = options ?? TcpdumpFormatOptions.Default;
        _options.Validate();
        _tracker = _options.AbsoluteSequenceNumbers ? null : new TcpSequenceTracker();
    }

    /// <summary>The frame's line, without a line break.</summary>
    public string Format(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Format(frame.Number, frame.TimestampNanoseconds, frame.Packet);
    }

    /// <summary>The line of a frame read by a <see cref="CaptureReader"/>, without a line break.</summary>
    public string Format(in CaptureRecord record) =>
        Format(record.Number, record.TimestampNanoseconds, Packet.Decode(record.LinkType, record.Data, record.OriginalLength));

    /// <summary>The line of a decoded frame, without a line break.</summary>
    public string Format(long number, long timestampNanoseconds, in Packet packet)
    {
        _line.Clear();
        Append(_line, number, timestampNanoseconds, packet);
        return _line.ToString();
    }

    /// <summary>Appends the line, without a line break, to <paramref name="destination"/> (no allocation beyond its growth).</summary>
    public void Append(StringBuilder destination, long number, long timestampNanoseconds, in Packet packet)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int start = destination.Length;
        if (_options.Numbers)
        {
            destination.Append(System.Globalization.CultureInfo.InvariantCulture, $"{number,5}  ");
        }

        _first ??= timestampNanoseconds;
        long reference = _options.Timestamps == TimestampStyle.DeltaFromFirst ? _first.Value : _previous ?? timestampNanoseconds;
        TimestampText.Append(destination, _options.Timestamps, _options.TimeZone, timestampNanoseconds, reference);
        _previous = timestampNanoseconds;
        LinkText.Append(destination, packet, _options, _tracker);
        while (destination.Length > start && destination[^1] == ' ')
        {
            destination.Length--;
        }
    }

    /// <summary>One frame on its own: tcpdump -n -S style (there is no earlier frame to make numbers relative to).</summary>
    internal static string FormatOne(Frame frame) => new TcpdumpFormatter(Stateless).Format(frame);
}
