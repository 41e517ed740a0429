namespace Alpy.Capture.Tests;

/// <summary>A pcap file a test appends to while the code under test reads it, as QEMU's filter-dump does for a lab link.</summary>
internal sealed class GrowingCapture
{
    private long _time = CorpusFile.StartNanoseconds;

    public GrowingCapture(string path)
    {
        Path = path;
        Recreate();
    }

    public string Path { get; }

    /// <summary>Appends complete records, one millisecond apart.</summary>
    public GrowingCapture Append(params byte[][] frames)
    {
        var builder = new PcapBuilder();
        foreach (byte[] frame in frames)
        {
            _time += 1_000_000;
            builder.Record(_time, frame);
        }

        return Raw(builder.ToArray()[24..]);
    }

    /// <summary>Appends the first <paramref name="count"/> bytes of a record: a writer caught in the middle of it.</summary>
    public byte[] AppendPartial(byte[] frame, int count)
    {
        _time += 1_000_000;
        byte[] record = new PcapBuilder().Record(_time, frame).ToArray()[24..];
        Raw(record[..count]);
        return record[count..];
    }

    public GrowingCapture Raw(byte[] bytes)
    {
        using FileStream stream = new(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes);
        return this;
    }

    /// <summary>Truncates the file to a fresh header, as a restarted writer would.</summary>
    public GrowingCapture Recreate()
    {
        File.WriteAllBytes(Path, new PcapBuilder().ToArray());
        return this;
    }
}
