namespace Alpy.Capture;

/// <summary>
/// One capture cut into consecutive segments, such as the scenarios that share a lab link one after the other:
/// each segment begins exactly where the previous one ended (a record boundary), so every frame written after the
/// first segment began belongs to exactly one segment, however close to a boundary it was written. Thread-safe.
/// </summary>
public sealed class CaptureSegments
{
    private CaptureMark _boundary;
    private CaptureSegment? _current;

    /// <summary>The first segment will begin at the capture's end now: what the file holds already belongs to none.</summary>
    public CaptureSegments(CaptureFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        _boundary = file.Mark();
    }

    public CaptureFile File { get; }

    /// <summary>Guards the boundary and every segment's end, so that a segment ends and the next begins in one order.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>
    /// Begins the next segment where the previous one ended. A previous segment that was not ended yet ends now
    /// (its frames up to here are its own).
    /// </summary>
    public CaptureSegment Begin()
    {
        lock (Gate)
        {
            _current?.End();
            _current = new CaptureSegment(this, _boundary);
            return _current;
        }
    }

    /// <summary>Called by a segment as it ends, under <see cref="Gate"/>: the next one begins at <paramref name="end"/>.</summary>
    internal void Ended(CaptureMark end) => _boundary = end;
}
