using Alpy.Capture;

namespace Alpy.Specs.Steps.Labs;

/// <summary>
/// A scenario's view of the link captures: on each link, the segment of the capture that belongs to the scenario.
/// It begins where the previous scenario's segment on the same lab ended (or where the lab was ready), and ends with
/// <see cref="End"/> (the evidence) or, at the latest, when the next scenario begins: every frame of a shared lab's
/// links belongs to exactly one scenario.
/// </summary>
public sealed class ScenarioCaptures
{
    private readonly IReadOnlyList<CaptureSegment> _segments;

    internal ScenarioCaptures(IReadOnlyList<CaptureSegments> links)
    {
        _segments = [.. links.Select(link => link.Begin())];
    }

    /// <summary>How many links there are.</summary>
    public int Count => _segments.Count;

    /// <summary>The capture of link <paramref name="link"/>.</summary>
    public CaptureFile File(int link) => _segments[link].File;

    /// <summary>Where the scenario's window of link <paramref name="link"/> begins.</summary>
    public CaptureMark Mark(int link) => _segments[link].Start;

    /// <summary>The frames of link <paramref name="link"/> since the scenario started, as a snapshot (all of them once it has ended).</summary>
    public CaptureWindow Window(int link) => _segments[link].Read();

    /// <summary>Ends the scenario's windows: <see cref="Window"/> gives their frames up to here, and the next scenario's begin right after.</summary>
    public void End()
    {
        foreach (var segment in _segments)
            segment.End();
    }
}
