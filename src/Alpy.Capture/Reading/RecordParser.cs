namespace Alpy.Capture;

/// <summary>
/// Parses the records of one capture format from bytes in memory; does no I/O, so the same code serves a
/// streaming reader, a window read from a growing file and the fuzz tests. Throws
/// <see cref="CaptureFormatException"/> for anything impossible, always before asking for more bytes than the
/// configured limits allow, so that corrupt lengths never turn into large allocations.
/// </summary>
internal abstract class RecordParser
{
    protected RecordParser(string source, CaptureReaderOptions options)
    {
        Source = source;
        Options = options;
    }

    protected string Source { get; }

    protected CaptureReaderOptions Options { get; }

    /// <summary>Parses the record at the start of <paramref name="data"/>, which starts at file offset <paramref name="offset"/>.</summary>
    /// <param name="length">Bytes the record occupies (Frame/Metadata) or needs at least (NeedMoreData).</param>
    public abstract ParseStatus Parse(ReadOnlySpan<byte> data, long offset, out int length, out RecordHeader header);

    /// <summary>A parser in the same state, to resume reading later at the current position (pcapng sections carry state).</summary>
    public abstract RecordParser Clone();

    protected CaptureFormatException Corrupt(long offset, string reason) => new(Source, offset, reason);
}
