using System.Collections;
using System.Globalization;
using System.Text;

namespace Alpy.Capture;

/// <summary>
/// The frames of one capture between two points, in capture order: an immutable snapshot to query with LINQ,
/// filter with BPF, assert on (<c>window.Should().ContainFrame("tcp dst port 88")</c>), print as tcpdump
/// lines, or save as a pcap. Narrowing (<see cref="Matching(string)"/>, <see cref="Since"/>, ...) gives new windows
/// that remember how they were narrowed, so that failure messages say what was looked at.
/// </summary>
public sealed class CaptureWindow : IReadOnlyList<Frame>
{
    private readonly IReadOnlyList<Frame> _frames;
    private readonly string _scope;

    internal CaptureWindow(string name, string path, IReadOnlyList<Frame> frames, CaptureMark start, CaptureMark end, string scope)
    {
        Name = name;
        Path = path;
        _frames = frames;
        Start = start;
        End = end;
        _scope = scope;
    }

    /// <summary>Names the capture in messages ("link1").</summary>
    public string Name { get; }

    /// <summary>The capture file.</summary>
    public string Path { get; }

    /// <summary>Where the window begins.</summary>
    public CaptureMark Start { get; }

    /// <summary>Where the window's snapshot ends: read on from here with <c>CaptureFile.ReadSince(window.End)</c>.</summary>
    public CaptureMark End { get; }

    public int Count => _frames.Count;

    /// <summary>What the window covers, for messages: "link1 (29 frame(s): #12 to #40; after frame #11 (byte 1988) of link1.pcap, marked at 12:00:01.123456Z, matching \"tcp\")".</summary>
    public string Description
    {
        get
        {
            string frames = _frames.Count == 0
                ? "no frames"
                : string.Create(CultureInfo.InvariantCulture, $"{_frames.Count} frame(s): #{_frames[0].Number} to #{_frames[^1].Number}");
            return string.IsNullOrEmpty(_scope) ? $"{Name} ({frames})" : $"{Name} ({frames}; {_scope})";
        }
    }

    public Frame this[int index] => _frames[index];

    /// <summary>Reads a complete capture file (strictly: a truncated last record is an error), at most <paramref name="maxBytes"/> of frames.</summary>
    public static CaptureWindow Load(string path, CaptureReaderOptions? options = null, long maxBytes = 256L * 1024 * 1024)
    {
        using CaptureReader reader = CaptureReader.Open(path, options);
        string name = System.IO.Path.GetFileName(path);
        var store = new FrameStore(maxBytes, () => name);
        var frames = new List<Frame>();
        while (reader.TryRead(out CaptureRecord record))
        {
            frames.Add(store.Add(record));
        }

        var end = new CaptureMark(path, reader.Checkpoint(), DateTimeOffset.UtcNow, timeOnly: false);
        return new CaptureWindow(name, path, frames, new CaptureMark(path, ReadPosition.Start, DateTimeOffset.MinValue, false), end, string.Empty);
    }

    /// <summary>The frames that pass a tcpdump filter expression (compiled and run by libpcap).</summary>
    public CaptureWindow Matching(string filter)
    {
        using var compiled = new CaptureFilter(filter);
        return Narrow(compiled.Matches, $"matching \"{filter}\"");
    }

    /// <summary>The frames for which <paramref name="predicate"/> holds; <paramref name="description"/> says what it selects, for messages.</summary>
    public CaptureWindow Matching(Func<Frame, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Narrow(predicate, description);
    }

    /// <summary>The frames captured at or after <paramref name="time"/>.</summary>
    public CaptureWindow Since(DateTimeOffset time)
    {
        long nanoseconds = Timestamps.ToNanoseconds(time);
        return Narrow(frame => frame.TimestampNanoseconds >= nanoseconds, $"since {Format(time)}");
    }

    /// <summary>The frames captured before <paramref name="time"/>.</summary>
    public CaptureWindow Until(DateTimeOffset time)
    {
        long nanoseconds = Timestamps.ToNanoseconds(time);
        return Narrow(frame => frame.TimestampNanoseconds < nanoseconds, $"before {Format(time)}");
    }

    /// <summary>The frames captured at or after <paramref name="from"/> and before <paramref name="to"/>.</summary>
    public CaptureWindow Between(DateTimeOffset from, DateTimeOffset to) => Since(from).Until(to);

    /// <summary>The frames that come after <paramref name="frame"/> in the capture.</summary>
    public CaptureWindow After(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Narrow(other => other.Number > frame.Number, string.Create(CultureInfo.InvariantCulture, $"after #{frame.Number}"));
    }

    /// <summary>Every frame as one tcpdump line (lines end with '\n').</summary>
    public string ToText(TcpdumpFormatOptions? options = null)
    {
        var formatter = new TcpdumpFormatter(options);
        var text = new StringBuilder();
        foreach (Frame frame in _frames)
        {
            text.Append(formatter.Format(frame)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>At most <paramref name="maxLines"/> numbered tcpdump lines, first and last frames when there are more.</summary>
    public string Excerpt(int maxLines = 20, TcpdumpFormatOptions? options = null, string indent = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 2);
        return CaptureExcerpt.Format(_frames, maxLines, options ?? new TcpdumpFormatOptions { Numbers = true }, indent);
    }

    /// <summary>Writes the window's frames as a classic pcap file (to attach next to a scenario's report).</summary>
    public void WriteTo(Stream stream)
    {
        LinkType linkType = _frames.Count > 0 ? _frames[0].LinkType : LinkType.Ethernet;
        using var writer = new PcapWriter(stream, linkType, leaveOpen: true);
        foreach (Frame frame in _frames)
        {
            writer.Write(frame);
        }
    }

    public IEnumerator<Frame> GetEnumerator() => _frames.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Description;

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private CaptureWindow Narrow(Func<Frame, bool> keep, string scope)
    {
        var frames = _frames.Where(keep).ToList();
        return new CaptureWindow(Name, Path, frames, Start, End, string.IsNullOrEmpty(_scope) ? scope : $"{_scope}, {scope}");
    }
}
