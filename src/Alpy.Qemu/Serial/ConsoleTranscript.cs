using System.Text;

namespace Alpy.Qemu.Serial;

/// <summary>
/// Everything a console printed: the raw bytes and the escaped text in files (flushed as they arrive, so
/// they are complete even if the host process dies), and the last lines in memory for failure messages.
/// Appends come from the console's single reader; <see cref="Tail"/> may be called from any thread.
/// </summary>
internal sealed class ConsoleTranscript : IDisposable
{
    private readonly object _sync = new();
    private readonly ConsoleEscaper _escaper = new();
    private readonly Queue<string> _lines = new();
    private readonly StringBuilder _currentLine = new();
    private readonly StringBuilder _scratch = new();
    private readonly int _tailLines;
    private readonly FileStream? _raw;
    private readonly StreamWriter? _text;

    public ConsoleTranscript(string? rawLogPath, string? textLogPath, int tailLines)
    {
        _tailLines = tailLines;
        _raw = rawLogPath is null ? null : OpenLog(rawLogPath);
        _text = textLogPath is null ? null : new StreamWriter(OpenLog(textLogPath), new UTF8Encoding(false));
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_sync)
        {
            _raw?.Write(bytes);
            _raw?.Flush();

            _scratch.Clear();
            _escaper.Append(bytes, _scratch);
            _text?.Write(_scratch);
            _text?.Flush();
            AddToTail(_scratch);
        }
    }

    /// <summary>The last <paramref name="lines"/> lines (escaped), the unfinished last line included.</summary>
    public string Tail(int? lines = null)
    {
        lock (_sync)
        {
            var wanted = Math.Max(1, lines ?? _tailLines);
            var all = _lines.Append(_currentLine.ToString()).ToList();
            if (all[^1].Length == 0)
            {
                all.RemoveAt(all.Count - 1);
            }

            return string.Join('\n', all.Skip(Math.Max(0, all.Count - wanted)));
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _scratch.Clear();
            _escaper.Flush(_scratch);
            _text?.Write(_scratch);
            _text?.Dispose();
            _raw?.Dispose();
        }
    }

    private static FileStream OpenLog(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

    private void AddToTail(StringBuilder escaped)
    {
        foreach (var chunk in escaped.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (c != '\n')
                {
                    _currentLine.Append(c);
                    continue;
                }

                _lines.Enqueue(_currentLine.ToString());
                _currentLine.Clear();
                if (_lines.Count > _tailLines)
                {
                    _lines.Dequeue();
                }
            }
        }

        // A console that never ends a line must not grow the tail without bound either.
        if (_currentLine.Length > 4096)
        {
            _currentLine.Remove(0, _currentLine.Length - 4096);
        }
    }
}
