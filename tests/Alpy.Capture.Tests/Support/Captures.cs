namespace Alpy.Capture.Tests;

/// <summary>Small conveniences for reading captures that tests build in memory: written to a file, read as a whole.</summary>
internal static class Captures
{
    /// <summary>Every frame of a complete capture (strictly: a cut record is an error).</summary>
    public static List<Frame> ReadAll(byte[] capture)
    {
        using var directory = new TempDirectory();
        return [.. CaptureWindow.Load(Write(directory, capture))];
    }

    /// <summary>The error reading a complete capture raises, or null.</summary>
    public static CaptureFormatException? ReadError(byte[] capture, out string file)
    {
        using var directory = new TempDirectory();
        file = Write(directory, capture);
        try
        {
            _ = CaptureWindow.Load(file);
            return null;
        }
        catch (CaptureFormatException exception)
        {
            return exception;
        }
    }

    private static string Write(TempDirectory directory, byte[] capture)
    {
        string file = directory.File("test.pcap");
        File.WriteAllBytes(file, capture);
        return file;
    }
}
