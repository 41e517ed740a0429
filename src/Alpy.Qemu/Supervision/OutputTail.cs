using System.Text;

namespace Alpy.Qemu;

/// <summary>The last lines of a process's output stream, for failure messages (bounded in lines and line length).</summary>
internal sealed class OutputTail
{
    private const int MaxLineLength = 2000;
    private readonly object _sync = new();
    private readonly Queue<string> _lines = new();
    private readonly StringBuilder _current = new();
    private readonly int _capacity;

    public OutputTail(int capacity)
    {
        _capacity = capacity;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        lock (_sync)
        {
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    Push();
                }
                else if (c != '\r' && _current.Length < MaxLineLength)
                {
                    _current.Append(c);
                }
            }
        }
    }

    public string Text(int lines)
    {
        lock (_sync)
        {
            var all = _current.Length > 0 ? _lines.Append(_current.ToString()).ToList() : [.. _lines];
            return string.Join('\n', all.Skip(Math.Max(0, all.Count - lines)));
        }
    }

    private void Push()
    {
        _lines.Enqueue(_current.ToString());
        _current.Clear();
        if (_lines.Count > _capacity)
        {
            _lines.Dequeue();
        }
    }
}
