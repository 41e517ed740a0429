using Alpy.Capture;

namespace Alpy.Specs.Steps.Labs;

/// <summary>
/// A scenario's view of the link captures: each link's mark taken when the scenario got its lab, so that capture
/// steps look only at frames since the scenario started.
/// </summary>
public sealed class ScenarioCaptures
{
    private readonly IReadOnlyList<CaptureFile> _files;
    private readonly IReadOnlyList<CaptureMark> _marks;

    internal ScenarioCaptures(IReadOnlyList<CaptureFile> files)
    {
        _files = files;
        _marks = [.. files.Select(f => f.Mark())];
    }

    /// <summary>How many links there are.</summary>
    public int Count => _files.Count;

    /// <summary>The capture of link <paramref name="link"/>.</summary>
    public CaptureFile File(int link) => _files[link];

    /// <summary>Where the scenario's window of link <paramref name="link"/> begins.</summary>
    public CaptureMark Mark(int link) => _marks[link];

    /// <summary>The frames of link <paramref name="link"/> since the scenario started, as a snapshot.</summary>
    public CaptureWindow Window(int link) => _files[link].ReadSince(_marks[link]);
}
