using System.Globalization;

namespace Alpy.Capture;

/// <summary>
/// Where a scenario's view of a capture begins: a record boundary in one file (everything appended later
/// is "since the mark"), with the wall-clock time the mark was taken. Take one with <see cref="CaptureFile.Mark"/>;
/// <see cref="At"/> makes a mark from a time alone, for any file.
/// </summary>
public sealed class CaptureMark
{
    internal CaptureMark(string? path, ReadPosition position, DateTimeOffset time, bool timeOnly, int generation = 0)
    {
        Path = path;
        Position = position;
        Time = time;
        IsTimeOnly = timeOnly;
        Generation = generation;
    }

    /// <summary>The beginning of any capture: every frame is "since" it.</summary>
    public static CaptureMark Start { get; } = new(null, ReadPosition.Start, DateTimeOffset.MinValue, timeOnly: false);

    /// <summary>Byte offset of the first record after the mark (0: the start of the file).</summary>
    public long Offset => Position.Offset;

    /// <summary>Frames before the mark: the first frame after it is number <c>FramesBefore + 1</c>.</summary>
    public long FramesBefore => Position.FramesBefore;

    /// <summary>When the mark was taken (UTC).</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Whether the mark only says when (frames captured at or after <see cref="Time"/>), not where.</summary>
    public bool IsTimeOnly { get; }

    /// <summary>The file the mark belongs to; null for <see cref="Start"/> and <see cref="At"/>.</summary>
    internal string? Path { get; }

    internal ReadPosition Position { get; }

    /// <summary>How many times the file had been recreated when the mark was taken; a later generation makes the position meaningless.</summary>
    internal int Generation { get; }

    /// <summary>A mark that selects the frames captured at or after <paramref name="time"/>, in any file.</summary>
    public static CaptureMark At(DateTimeOffset time) => new(null, ReadPosition.Start, time, timeOnly: true);

    public override string ToString() => IsTimeOnly
        ? string.Create(CultureInfo.InvariantCulture, $"since {Time.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}Z")
        : string.Create(CultureInfo.InvariantCulture, $"after frame #{FramesBefore} (byte {Offset}) of {System.IO.Path.GetFileName(Path ?? "any file")}, marked at {Time.UtcDateTime:HH:mm:ss.ffffff}Z");
}
