namespace Alpy.Capture;

/// <summary>
/// One segment of a <see cref="CaptureSegments"/>: the frames from its <see cref="Start"/> until it ends. Until then
/// <see cref="Read"/> gives the frames so far; <see cref="End"/> marks where it ends (reading only record headers,
/// however many frames it holds), the next segment begins there, and <see cref="Read"/> gives exactly its frames from
/// then on. Thread-safe.
/// </summary>
public sealed class CaptureSegment
{
    private readonly CaptureSegments _segments;
    private CaptureMark? _end;

    internal CaptureSegment(CaptureSegments segments, CaptureMark start)
    {
        _segments = segments;
        Start = start;
    }

    /// <summary>Where the segment begins: the previous segment's end.</summary>
    public CaptureMark Start { get; }

    public CaptureFile File => _segments.File;

    public bool HasEnded => Volatile.Read(ref _end) is not null;

    /// <summary>The segment's frames so far; once it has ended, all of them and no later ones.</summary>
    /// <exception cref="CaptureException">The frames are more than <see cref="CaptureFileOptions.MaxWindowBytes"/>, or the file cannot be read.</exception>
    public CaptureWindow Read() => File.ReadBetween(Start, Volatile.Read(ref _end));

    /// <summary>Ends the segment here (once; later calls return the same mark): the next segment begins where this one ends.</summary>
    /// <exception cref="CaptureFormatException">libpcap cannot read the file.</exception>
    public CaptureMark End()
    {
        lock (_segments.Gate)
        {
            if (_end is null)
            {
                CaptureMark end = File.Mark();
                _segments.Ended(end);
                Volatile.Write(ref _end, end);
            }

            return _end;
        }
    }
}
