namespace Alpy.Capture;

/// <summary>
/// Keeps the frames of a window: their bytes are copied into large shared chunks rather than one array
/// each, and the total is bounded so that a window never holds more than the caller allows.
/// </summary>
internal sealed class FrameStore
{
    private const int ChunkSize = 1024 * 1024;

    private readonly long _maxBytes;
    private readonly Func<string> _describe;
    private byte[] _chunk = [];
    private int _used;
    private long _total;

    /// <param name="describe">Names the window in the error raised when it grows too large.</param>
    public FrameStore(long maxBytes, Func<string> describe)
    {
        _maxBytes = maxBytes;
        _describe = describe;
    }

    public Frame Add(in CaptureRecord record)
    {
        int length = record.Data.Length;
        _total += length;
        if (_total > _maxBytes)
        {
            throw new CaptureException(
                $"The window {_describe()} holds more than {_maxBytes} bytes of frames (CaptureFileOptions.MaxWindowBytes). " +
                "Take a later mark so that the window covers only the scenario's traffic, or raise the limit.");
        }

        if (_chunk.Length - _used < length)
        {
            _chunk = new byte[Math.Max(ChunkSize, length)];
            _used = 0;
        }

        record.Data.Span.CopyTo(_chunk.AsSpan(_used));
        var data = new ReadOnlyMemory<byte>(_chunk, _used, length);
        _used += length;
        return new Frame(record.Number, record.Offset, record.TimestampNanoseconds, record.OriginalLength, record.InterfaceId, record.LinkType, data);
    }
}
