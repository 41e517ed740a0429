namespace Alpy.Capture;

/// <summary>
/// One segment of a <see cref="CaptureSegments"/>: the frames from its <see cref="Start"/> until it ends. Until then
/// <see cref="Read"/> gives the frames so far; <see cref="End"/> takes the last snapshot, which is the segment from
/// then on, and the next segment begins right after its last frame. Thread-safe.
/// </summary>
public sealed class CaptureSegment
{
    private readonly CaptureSegments _segments;
    private CaptureWindow? _final;

    internal CaptureSegment(CaptureSegments segments, CaptureMark start)
    {
        _segments = segments;
        Start = start;
    }

    /// <summary>Where the segment begins: the previous segment's end.</summary>
    public CaptureMark Start { get; }

    public CaptureFile File => _segments.File;

    public bool HasEnded => Volatile.Read(ref _final) is not null;

    /// <summary>The segment's frames so far; once it has ended, all of them.</summary>
    public CaptureWindow Read() => Volatile.Read(ref _final) ?? File.ReadSince(Start);

    /// <summary>Ends the segment (once; later calls return the same window) and returns all of its frames.</summary>
    public CaptureWindow End()
    {
        lock (_segments.Gate)
        {
            if (_final is null)
            {
                CaptureWindow final = File.ReadSince(Start);
                _segments.Ended(final.End);
                Volatile.Write(ref _final, final);
            }

            return _final;
        }
    }
}
