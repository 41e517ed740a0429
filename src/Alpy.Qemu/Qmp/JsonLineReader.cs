namespace Alpy.Qemu.Qmp;

/// <summary>
/// Reads newline-terminated messages (QMP's framing: one JSON object per line) from a stream, whatever way
/// the bytes are split across reads. Bounded: a line longer than the limit is an error, not a reason to
/// allocate without end.
/// </summary>
internal sealed class JsonLineReader
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    public JsonLineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>The next line without its line end ("\n" or "\r\n"), or null at the end of the stream. Blank
    /// lines are skipped. The memory is valid until the next call.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanned = 0; // bytes after _start known to hold no line end
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, _end - _start - scanned);
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, newline - _start);
                _start = newline + 1;
                if (line.Length > 0 && line.Span[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (line.Length == 0)
                {
                    scanned = 0;
                    continue;
                }

                return line;
            }

            scanned = _end - _start;
            if (scanned > _maxLineBytes)
            {
                throw new InvalidDataException(
                    $"A QMP message is longer than {_maxLineBytes} bytes without a line end; the peer does not speak QMP, " +
                    "or QmpClientOptions.MaxMessageBytes is too small for its answers.");
            }

            MakeRoom();
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    /// <summary>Moves the unread bytes to the front, and grows the buffer when they fill it.</summary>
    private void MakeRoom()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }
}
