using System.Buffers;

namespace Alpy.Capture;

/// <summary>
/// Streams the frames of a pcap or pcapng file in constant memory: one buffer, grown only as far as the largest
/// record needs (bounded by <see cref="CaptureReaderOptions"/>). Each <see cref="TryRead"/> returns a view of
/// the next frame's bytes that stays valid until the following read. With <see cref="CaptureReaderOptions.Follow"/>
/// it reads a file that is still being written: it stops before an incomplete record and continues there later.
/// Not thread-safe.
/// </summary>
public sealed class CaptureReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly CaptureReaderOptions _options;
    private readonly string _source;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private RecordParser? _parser;
    private long _count;
    private bool _disposed;

    /// <param name="stream">The capture bytes, from their first byte (or from a resume point, internally).</param>
    /// <param name="sourceName">Names the stream in error messages (a file path, "link1", ...).</param>
    public CaptureReader(Stream stream, string sourceName, CaptureReaderOptions? options = null, bool leaveOpen = false)
        : this(stream, sourceName, options ?? CaptureReaderOptions.Default, leaveOpen, ReadPosition.Start)
    {
    }

    private CaptureReader(Stream stream, string sourceName, CaptureReaderOptions options, bool leaveOpen, ReadPosition position)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        options.Validate();
        _stream = stream;
        _source = sourceName;
        _options = options;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(options.BufferSize);
        _bufferOffset = position.Offset;
        _count = position.FramesBefore;
        _parser = position.Parser?.Clone();
        Header = position.Header;
    }

    /// <summary>The file header, once the first read has seen it.</summary>
    public CaptureFileHeader? Header { get; private set; }

    /// <summary>Byte offset of the next record: where reading stopped.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>Frames read so far (including those before a resume point).</summary>
    public long FramesRead => _count;

    /// <summary>After <see cref="TryRead"/> returned false: whether bytes of an incomplete record remain (Follow mode only).</summary>
    public bool EndsInsideRecord => _end > _start;

    /// <summary>Opens a file for reading, sharing it with a writer that may still append to it.</summary>
    public static CaptureReader Open(string path, CaptureReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new CaptureReader(OpenShared(path), path, options);
    }

    /// <summary>
    /// Reads the next frame. Returns false at the end of the data; with Follow, also before an incomplete record
    /// (call again later). Throws <see cref="CaptureFormatException"/> for corrupt data and, without Follow, for
    /// a truncated last record.
    /// </summary>
    public bool TryRead(out CaptureRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        record = default;
        if (_parser is null && !TryReadHeader())
        {
            return false;
        }

        while (true)
        {
            long offset = Position;
            ParseStatus status = _parser!.Parse(_buffer.AsSpan(_start, _end - _start), offset, out int length, out RecordHeader header);
            if (status == ParseStatus.NeedMoreData)
            {
                if (!Fill(length))
                {
                    EndOfData(length, "record");
                    return false;
                }

                continue;
            }

            if (status == ParseStatus.Frame)
            {
                var data = new ReadOnlyMemory<byte>(_buffer, _start + header.DataStart, header.CapturedLength);
                record = new CaptureRecord(++_count, offset, header, data);
                _start += length;
                return true;
            }

            _start += length;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    internal static FileStream OpenShared(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

    /// <summary>Continues reading a file at a boundary recorded earlier by <see cref="Checkpoint"/>.</summary>
    internal static CaptureReader Resume(string path, string sourceName, CaptureReaderOptions options, ReadPosition position)
    {
        FileStream stream = OpenShared(path);
        try
        {
            stream.Seek(position.Offset, SeekOrigin.Begin);
            return new CaptureReader(stream, sourceName, options, leaveOpen: false, position);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The current boundary, to resume from later.</summary>
    internal ReadPosition Checkpoint() => new(Position, _count, _parser?.Clone(), Header);

    private bool TryReadHeader()
    {
        while (true)
        {
            ReadOnlySpan<byte> available = _buffer.AsSpan(_start, _end - _start);
            if (CaptureFormatDetector.TryDetect(available, _source, _options, out RecordParser? parser, out CaptureFileHeader? header, out int headerLength, out int needed))
            {
                _parser = parser;
                Header = header;
                _start += headerLength;
                return true;
            }

            if (!Fill(needed))
            {
                EndOfData(needed, "file header");
                return false;
            }
        }
    }

    /// <summary>Makes at least <paramref name="needed"/> unread bytes available; false when the stream has fewer.</summary>
    private bool Fill(int needed)
    {
        while (_end - _start < needed)
        {
            if (_end == _buffer.Length)
            {
                MakeRoom(needed);
            }

            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }

    /// <summary>
    /// Moves the unread bytes to the front or, when they already fill the buffer, doubles it (up to what the record
    /// needs, which the parser has checked against the limits). Growing only as data arrives keeps memory within
    /// twice what the stream really holds, whatever a corrupt length field claims.
    /// </summary>
    private void MakeRoom(int needed)
    {
        int unread = _end - _start;
        byte[] target = _buffer;
        if (_start == 0)
        {
            target = ArrayPool<byte>.Shared.Rent((int)Math.Min(needed, (long)_buffer.Length * 2));
        }

        Buffer.BlockCopy(_buffer, _start, target, 0, unread);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        _bufferOffset += _start;
        _start = 0;
        _end = unread;
    }

    private void EndOfData(int needed, string what)
    {
        int have = _end - _start;
        if (_options.Follow || (have == 0 && what == "record"))
        {
            return;
        }

        string reason = have == 0
            ? "the file is empty: it has no pcap or pcapng file header"
            : $"the data ends {have} byte(s) into a {what} that needs {needed}: the file is truncated " +
              "(if it is still being written, read it with CaptureReaderOptions.Follow or through CaptureFile)";
        throw new CaptureFormatException(_source, Position, reason);
    }
}
