using System.Globalization;

namespace Alpy.Capture;

/// <summary>
/// Where a view of a capture begins: a record boundary in one file (everything appended later is "since the
/// mark"), with the wall-clock time the mark was taken. Take one with <see cref="CaptureFile.Mark"/>.
/// </summary>
public sealed class CaptureMark
{
    internal CaptureMark(string? path, ReadPosition position, DateTimeOffset time, int generation)
    {
        Path = path;
        Position = position;
        Time = time;
        Generation = generation;
    }

    /// <summary>The beginning of any capture: every frame is "since" it.</summary>
    public static CaptureMark Start { get; } = new(null, ReadPosition.Start, DateTimeOffset.MinValue, 0);

    /// <summary>Byte offset of the first record after the mark (0: the start of the file).</summary>
    public long Offset => Position.Offset;

    /// <summary>Frames before the mark: the first frame after it is number <c>FramesBefore + 1</c>.</summary>
    public long FramesBefore => Position.FramesBefore;

    /// <summary>When the mark was taken (UTC).</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The file the mark belongs to; null for <see cref="Start"/>.</summary>
    internal string? Path { get; }

    internal ReadPosition Position { get; }

    /// <summary>How many times the file had been recreated when the mark was taken; a later generation makes the position meaningless.</summary>
    internal int Generation { get; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"after frame #{FramesBefore} (byte {Offset}) of {System.IO.Path.GetFileName(Path ?? "any file")}, marked at {Time.UtcDateTime:HH:mm:ss.ffffff}Z");
}
