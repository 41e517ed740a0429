namespace Alpy.Capture.Tests;

/// <summary>Writes the frame corpus to a capture file, one millisecond apart from a fixed start so that times are unique and stable.</summary>
internal static class CorpusFile
{
    /// <summary>2026-01-02 03:04:05 UTC plus a microsecond fraction.</summary>
    public const long StartNanoseconds = 1_767_323_045_000_123_000;

    public static string Write(string path, IReadOnlyList<CorpusFrame>? frames = null)
    {
        frames ??= FrameCorpus.All;
        var builder = new PcapBuilder();
        for (int i = 0; i < frames.Count; i++)
        {
            builder.Record(TimeOf(i), frames[i].Bytes, original: (uint)(frames[i].OriginalLength ?? frames[i].Bytes.Length));
        }

        return builder.WriteTo(path);
    }

    public static long TimeOf(int index) => StartNanoseconds + (index * 1_000_000L);
}
