namespace Alpy.Capture;

/// <summary>
/// Walks TCP options without allocating. Stops at end-of-list, at a malformed length (below 2 or past the
/// header) and at the end of the captured bytes, exactly where a receiver would stop trusting them.
/// </summary>
internal ref struct TcpOptionReader
{
    private readonly ReadOnlySpan<byte> _options;
    private int _offset;

    public TcpOptionReader(ReadOnlySpan<byte> options) => _options = options;

    /// <summary>True when the walk stopped at a malformed option rather than at the end.</summary>
    public bool Malformed { get; private set; }

    /// <param name="offset">Where the option starts within the options.</param>
    public bool MoveNext(out byte kind, out int offset, out int length)
    {
        kind = 0;
        offset = _offset;
        length = 0;
        if (_offset >= _options.Length)
        {
            return false;
        }

        kind = _options[_offset];
        if (kind is (byte)TcpOptionKind.EndOfList or (byte)TcpOptionKind.NoOperation)
        {
            length = 1;
        }
        else if (_offset + 1 >= _options.Length || _options[_offset + 1] < 2 || _offset + _options[_offset + 1] > _options.Length)
        {
            Malformed = true;
            _offset = _options.Length;
            return false;
        }
        else
        {
            length = _options[_offset + 1];
        }

        // Nothing after end-of-list is an option.
        _offset = kind == (byte)TcpOptionKind.EndOfList ? _options.Length : _offset + length;
        return true;
    }
}
