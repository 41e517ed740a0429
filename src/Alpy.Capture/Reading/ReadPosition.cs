namespace Alpy.Capture;

/// <summary>A record boundary in a capture file, where reading can go on.</summary>
/// <param name="Offset">Byte offset of the next record; 0 stands for "right after the file header", wherever libpcap finds its end.</param>
/// <param name="FramesBefore">Frames before <paramref name="Offset"/>.</param>
internal sealed record ReadPosition(long Offset, long FramesBefore)
{
    public static ReadPosition Start { get; } = new(0, 0);
}
