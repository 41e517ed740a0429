using System.Collections;
using System.Globalization;

namespace Alpy.Capture;

/// <summary>
/// The frames of one capture between two points, in capture order: an immutable snapshot to query with LINQ,
/// filter with BPF, assert on (<c>window.Should().ContainFrame("tcp dst port 88")</c>), print with tcpdump, or save
/// as a pcap of its own. Narrowing (<see cref="Matching(string)"/>, ...) gives new windows that remember how they
/// were narrowed, so that failure messages say what was looked at.
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

    /// <summary>Names the capture in messages ("link 1").</summary>
    public string Name { get; }

    /// <summary>The capture file.</summary>
    public string Path { get; }

    /// <summary>Where the window begins.</summary>
    public CaptureMark Start { get; }

    /// <summary>Where the window's snapshot ends: read on from here with <c>CaptureFile.ReadSince(window.End)</c>.</summary>
    public CaptureMark End { get; }

    public int Count => _frames.Count;

    /// <summary>What the window covers, for messages: "link 1 (29 frame(s): #12 to #40; after frame #11 (byte 1988) of link1.pcap, marked at 12:00:01.123456Z, matching \"tcp\")".</summary>
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

    /// <summary>Where the frames are: "frames #12 to #40 of /run/link1.pcap" (numbers as Wireshark counts them in that file).</summary>
    public string Extent => _frames.Count == 0
        ? $"no frames of {Path}"
        : string.Create(CultureInfo.InvariantCulture, $"frames #{_frames[0].Number} to #{_frames[^1].Number} of {Path}");

    public Frame this[int index] => _frames[index];

    /// <summary>Reads a complete capture file: a file cut inside a record is an error, as for tcpdump.</summary>
    /// <param name="maxBytes">The most frame bytes kept in memory (default 256 MiB); a bigger file is refused.</param>
    /// <exception cref="CaptureFormatException">libpcap cannot read the file, or it ends inside a record.</exception>
    public static CaptureWindow Load(string path, long maxBytes = 256L * 1024 * 1024)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string name = System.IO.Path.GetFileName(path);
        var frames = new List<Frame>();
        long bytes = 0;
        using CaptureReader reader = CaptureReader.Open(path, ReadPosition.Start, follow: false)!;
        while (reader.TryRead(out SharpPcap.PacketCapture capture))
        {
            bytes += capture.Data.Length;
            if (bytes > maxBytes)
            {
                throw new CaptureException($"{path} holds more than {maxBytes} bytes of frames; read it as a CaptureFile from a mark, or raise maxBytes.");
            }

            frames.Add(Frame.From(capture, reader.Position.FramesBefore, reader.LinkType));
        }

        var end = new CaptureMark(path, reader.Position, DateTimeOffset.UtcNow, 0);
        return new CaptureWindow(name, path, frames, new CaptureMark(path, ReadPosition.Start, DateTimeOffset.MinValue, 0), end, string.Empty);
    }

    /// <summary>The frames that pass a tcpdump filter expression (compiled and run by libpcap).</summary>
    /// <exception cref="CaptureFilterException">The filter is not valid.</exception>
    public CaptureWindow Matching(string filter)
    {
        using var compiled = new CaptureFilter(filter);
        return Narrow(compiled.Matches, $"matching \"{filter}\"");
    }

    /// <summary>
    /// The frames for which <paramref name="predicate"/> holds; <paramref name="description"/> says what it selects, for
    /// messages. A frame whose field the predicate reads is missing (cut or malformed: PacketDotNet then throws, see
    /// <see cref="Frame.IsDecodingFailure"/>) does not match.
    /// </summary>
    public CaptureWindow Matching(Func<Frame, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Narrow(
            frame =>
            {
                try
                {
                    return predicate(frame);
                }
                catch (Exception e) when (Frame.IsDecodingFailure(e))
                {
                    return false;
                }
            },
            description);
    }

    /// <summary>The frames that come after <paramref name="frame"/> in the capture.</summary>
    public CaptureWindow After(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Narrow(other => other.Number > frame.Number, string.Create(CultureInfo.InvariantCulture, $"after #{frame.Number}"));
    }

    /// <summary>The frames as <c>tcpdump -# -n -e -r</c> prints them (numbered from 1 within the window), run on a pcap of the window's frames.</summary>
    /// <exception cref="CaptureException">tcpdump is missing or fails.</exception>
    public string ToText() => Tcpdump.Print(_frames);

    /// <summary>tcpdump's text for at most <paramref name="maxFrames"/> frames: all of them, or the first and the last ones.</summary>
    public string Excerpt(int maxFrames = 20, string indent = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrames, 2);
        return CaptureExcerpt.Format(ToText(), maxFrames, indent);
    }

    /// <summary>Saves the window's frames as a pcap of their own (it opens in Wireshark; tcpdump prints it as <see cref="ToText"/> does).</summary>
    public void SaveAs(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        PcapSlice.Write(path, _frames);
    }

    /// <summary>Writes the window's frames to <paramref name="stream"/> as a pcap (see <see cref="SaveAs"/>).</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var slice = new TemporaryPcap(_frames);
        using var file = new FileStream(slice.Path, FileMode.Open, FileAccess.Read);
        file.CopyTo(stream);
    }

    public IEnumerator<Frame> GetEnumerator() => _frames.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Description;

    private CaptureWindow Narrow(Func<Frame, bool> keep, string scope)
    {
        var frames = _frames.Where(keep).ToList();
        return new CaptureWindow(Name, Path, frames, Start, End, string.IsNullOrEmpty(_scope) ? scope : $"{_scope}, {scope}");
    }
}
