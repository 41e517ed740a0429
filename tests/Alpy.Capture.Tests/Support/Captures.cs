namespace Alpy.Capture.Tests;

/// <summary>Small conveniences for reading captures in tests.</summary>
internal static class Captures
{
    /// <summary>Every frame of a capture in memory, kept.</summary>
    public static List<Frame> ReadAll(byte[] capture, CaptureReaderOptions? options = null)
    {
        using var reader = new CaptureReader(new MemoryStream(capture), "test.pcap", options);
        var frames = new List<Frame>();
        while (reader.TryRead(out CaptureRecord record))
        {
            frames.Add(record.ToFrame());
        }

        return frames;
    }

    /// <summary>The exception reading a capture in memory raises, or null.</summary>
    public static CaptureFormatException? ReadError(byte[] capture, CaptureReaderOptions? options = null)
    {
        try
        {
            ReadAll(capture, options);
            return null;
        }
        catch (CaptureFormatException exception)
        {
            return exception;
        }
    }
}
