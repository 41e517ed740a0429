using System.Diagnostics;
using Alpy.Capture;

namespace Alpy.Bench.Capture;

/// <summary>
/// One capture assertion at the end of a shared lab's long link pcap, made as the step library makes it: the lab's
/// segments have read the history once (earlier scenarios), the scenario's segment begins, its frames arrive, then
/// the check waits for a frame matching the filter and counts the matching frames of the scenario's window. A
/// failing check also prints the window with tcpdump; the evidence ends the segment, prints it and saves it as a pcap.
/// </summary>
internal sealed class AssertionRuns
{
    public const string Present = "tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn and dst host 10.77.0.2 and tcp dst port 8888";
    public const string Absent = "tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn and tcp dst port 88";

    private readonly string _history;
    private readonly string _link;
    private readonly int _historyFrames;
    private readonly int _scenarioFrames;

    public AssertionRuns(string directory, int historyFrames, int scenarioFrames)
    {
        _history = Path.Combine(directory, "history.pcap");
        _link = Path.Combine(directory, "link1.pcap");
        _historyFrames = historyFrames;
        _scenarioFrames = scenarioFrames;
        CaptureGenerator.Write(_history, historyFrames);
    }

    /// <summary>A check that finds its frame: the cost of a passing capture step.</summary>
    public TimeSpan Passing() => Time(segment => Check(segment, Present, expectFound: true).Count);

    /// <summary>A check that finds none and prints the window with tcpdump for its message: the cost of a failing capture step.</summary>
    public TimeSpan Failing() => Time(segment =>
    {
        CaptureWindow window = Check(segment, Absent, expectFound: false);
        return window.Excerpt(30, indent: "  ").Length;
    });

    /// <summary>The evidence of one link: the segment ended, printed by tcpdump (60 frames at most) and saved as a pcap.</summary>
    public TimeSpan Evidence() => Time(segment =>
    {
        segment.End();
        CaptureWindow window = segment.Read();
        using var pcap = new MemoryStream();
        window.WriteTo(pcap);
        return window.Excerpt(60, indent: "  ").Length + pcap.Length;
    });

    /// <summary>Reading the whole link pcap from its start: what every check would cost without a kept position.</summary>
    public TimeSpan WholeFile() => Time(segment => segment.File.Read().Count);

    private static CaptureWindow Check(CaptureSegment segment, string filter, bool expectFound)
    {
        if (expectFound)
        {
            segment.File.WaitForFramesAsync(filter, 1, segment.Start, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        }

        CaptureWindow window = segment.Read();
        int matching = window.Matching(filter).Count;
        return (matching > 0) == expectFound ? window : throw new InvalidOperationException($"\"{filter}\" matched {matching} frame(s) of {window.Description}.");
    }

    /// <summary>Prepares the lab link (untimed), then times <paramref name="check"/> on the scenario's segment.</summary>
    private TimeSpan Time(Func<CaptureSegment, long> check)
    {
        File.Copy(_history, _link, overwrite: true);
        var segments = new CaptureSegments(new CaptureFile(_link, new CaptureFileOptions { Name = "link 1" }));
        CaptureSegment segment = segments.Begin();
        CaptureGenerator.Write(_link, _scenarioFrames, first: _historyFrames, mode: FileMode.Append);
        var stopwatch = Stopwatch.StartNew();
        GC.KeepAlive(check(segment));
        return stopwatch.Elapsed;
    }
}
