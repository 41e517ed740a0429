namespace Alpy.Capture;

/// <summary>A record boundary in a capture file and the parser state there, from which reading can resume.</summary>
/// <param name="Offset">Byte offset of the next record (0 while the file header has not been read).</param>
/// <param name="FramesBefore">Frames before <paramref name="Offset"/>.</param>
/// <param name="Parser">Parser state at <paramref name="Offset"/>; null before the file header.</param>
/// <param name="Header">The file header, once read.</param>
internal sealed record ReadPosition(long Offset, long FramesBefore, RecordParser? Parser, CaptureFileHeader? Header)
{
    public static ReadPosition Start { get; } = new(0, 0, null, null);
}
