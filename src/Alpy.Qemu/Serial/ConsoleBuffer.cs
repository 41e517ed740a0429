using System.Text;

namespace Alpy.Qemu.Serial;

/// <summary>
/// Console output not consumed by a wait yet, bounded: when more than <c>capacity</c> bytes pile up
/// unread, the oldest are dropped (and counted), so a chatty console cannot exhaust memory. Holds bytes as
/// Latin-1 characters, so that matching is byte-exact whatever the console prints. Not thread-safe.
/// </summary>
internal sealed class ConsoleBuffer
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly StringBuilder _text = new();
    private readonly int _capacity;

    public ConsoleBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Bytes dropped because nobody consumed them in time.</summary>
    public long Dropped { get; private set; }

    public int Length => _text.Length;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _text.Append((char)b);
        }

        if (_text.Length > _capacity)
        {
            var excess = _text.Length - _capacity;
            _text.Remove(0, excess);
            Dropped += excess;
        }
    }

    /// <summary>On a match, consumes everything up to its end and returns it; otherwise leaves the buffer as is.</summary>
    public ConsoleMatch? TryConsume(ConsolePattern pattern)
    {
        var text = _text.ToString();
        if (pattern.Find(text) is not { } found)
        {
            return null;
        }

        _text.Remove(0, found.Index + found.Length);
        return new ConsoleMatch(
            Decode(text.AsSpan(found.Index, found.Length)),
            Decode(text.AsSpan(0, found.Index)),
            found.Groups.Select(g => Decode(g)).ToArray());
    }

    /// <summary>Drops everything not consumed yet (e.g. boot noise before a command).</summary>
    public void Clear() => _text.Clear();

    private static string Decode(ReadOnlySpan<char> latin1)
    {
        Span<byte> bytes = latin1.Length <= 1024 ? stackalloc byte[latin1.Length] : new byte[latin1.Length];
        Latin1.GetBytes(latin1, bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
