using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alpy.Reports.Messages;

/// <summary>
/// Reads a Cucumber Messages NDJSON stream envelope by envelope, without holding the whole stream
/// in memory. Every problem is a <see cref="MessageStreamException"/> naming file, line and fix.
/// A last line cut short (a writer killed mid-line) is not an error: it is dropped and
/// <see cref="TruncatedTailBytes"/> says so, because the run's other messages are still worth reading
/// and the missing <c>testRunFinished</c> already marks the run incomplete.
/// </summary>
public sealed class MessageStreamReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly string _path;
    private readonly MessageStreamReaderOptions _options;
    private Func<string, bool>? _wanted;

    public MessageStreamReader(string path, MessageStreamReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _options = options ?? MessageStreamReaderOptions.Default;
        _options.Validate();
        _path = path;
    }

    /// <summary>The stream's path as given.</summary>
    public string Path => _path;

    /// <summary>Bytes of an unterminated, unparseable last line that were dropped (0 when none).</summary>
    public long TruncatedTailBytes { get; private set; }

    /// <summary>Reads every envelope in order. Can be enumerated once.</summary>
    public IAsyncEnumerable<Envelope> ReadAllAsync(CancellationToken cancellationToken = default) => ReadAllAsync(null, cancellationToken);

    /// <summary>
    /// Reads the envelopes of the kinds <paramref name="wanted"/> accepts; the other lines are only
    /// scanned for their kind, not parsed (a pass that needs a few kinds of a large stream).
    /// </summary>
    public async IAsyncEnumerable<Envelope> ReadAllAsync(Func<string, bool>? wanted, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _wanted = wanted;
        await using var stream = OpenOrExplain();
        if (stream.Length == 0)
        {
            throw new MessageStreamException(_path, null, "is empty: the run wrote no messages.",
                "Check that the test process started and that formatters.message.outputFilePath in reqnroll.json points here.");
        }

        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        try
        {
            var lineNumber = 0;
            while (true)
            {
                var read = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                while (TryTakeLine(ref buffer, out var line))
                {
                    lineNumber++;
                    if (Parse(line, lineNumber, isUnterminatedTail: false) is { } envelope)
                    {
                        yield return envelope;
                    }
                }

                if (buffer.Length > _options.MaxMessageBytes)
                {
                    throw TooLong(lineNumber + 1);
                }

                if (read.IsCompleted)
                {
                    if (!buffer.IsEmpty && Parse(buffer, lineNumber + 1, isUnterminatedTail: true) is { } last)
                    {
                        yield return last;
                    }

                    break;
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Fails with the reader's own explanation when <paramref name="path"/> is not a file, before any work is done.</summary>
    public static void ThrowIfMissing(string path)
    {
        if (!File.Exists(path))
        {
            throw Missing(path, null);
        }
    }

    private static MessageStreamException Missing(string path, Exception? cause) => new(path, null, "does not exist.",
        "Run the suite first (the runner writes the stream to formatters.message.outputFilePath in reqnroll.json), or give the right path.", cause);

    private FileStream OpenOrExplain()
    {
        try
        {
            return new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Missing(_path, e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new MessageStreamException(_path, null, $"cannot be read: {e.Message}", "Check the file's permissions.", e);
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, newline.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private Envelope? Parse(ReadOnlySequence<byte> line, int lineNumber, bool isUnterminatedTail)
    {
        if (line.Length > _options.MaxMessageBytes)
        {
            throw TooLong(lineNumber);
        }

        if (lineNumber == 1 && line.Length >= 3 && StartsWithBom(line))
        {
            line = line.Slice(3);
        }

        if (IsBlank(line))
        {
            return null;
        }

        var raw = line.ToArray();
        if (_wanted is not null && KindOf(raw) is { } kind && !_wanted(kind))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            var reader = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = _options.MaxDepth });
            node = JsonNode.Parse(ref reader);
            if (reader.Read())
            {
                throw new JsonException("there is more after the first JSON value.");
            }
        }
        catch (JsonException) when (isUnterminatedTail)
        {
            // A writer killed in the middle of a line leaves exactly this; keep what came before.
            TruncatedTailBytes = line.Length;
            return null;
        }
        catch (JsonException e)
        {
            var column = e.BytePositionInLine is { } p ? $", byte {p + 1}" : "";
            throw new MessageStreamException(_path, lineNumber, $"is not valid JSON{column}: {e.Message} Line starts with: {Preview(line)}",
                "The file is not a Cucumber Messages NDJSON stream or it was corrupted; re-run the suite to write it again.", e);
        }

        return ToEnvelope(node, lineNumber, line, raw);
    }

    private Envelope ToEnvelope(JsonNode? node, int lineNumber, ReadOnlySequence<byte> line, byte[] raw)
    {
        if (node is JsonObject envelope && envelope.Count == 1)
        {
            var (kind, message) = envelope.First();
            if (message is JsonObject body)
            {
                envelope.Remove(kind);
                return new Envelope(kind, body, lineNumber) { Raw = raw };
            }
        }

        throw new MessageStreamException(_path, lineNumber,
            $"is JSON but not a Cucumber Messages envelope (one property holding an object, such as {{\"pickle\":{{...}}}}). Line starts with: {Preview(line)}",
            "Give the runner's message stream (formatters.message.outputFilePath in reqnroll.json), not another JSON file.");
    }

    // The envelope's only property name, read without parsing the message; null when the line is not shaped so.
    private static string? KindOf(byte[] raw)
    {
        try
        {
            var reader = new Utf8JsonReader(raw);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
                ? reader.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private MessageStreamException TooLong(int lineNumber) => new(_path, lineNumber,
        $"holds a message longer than the limit of {_options.MaxMessageBytes / (1024 * 1024)} MiB.",
        "Attach large evidence as files in the run's artifact folder instead of inline, or raise the limit (--max-message-mib).");

    private static bool StartsWithBom(ReadOnlySequence<byte> line)
    {
        Span<byte> head = stackalloc byte[3];
        line.Slice(0, 3).CopyTo(head);
        return head.SequenceEqual(Utf8Bom);
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Preview(ReadOnlySequence<byte> line)
    {
        var head = line.Slice(0, Math.Min(line.Length, 80)).ToArray();
        var text = Encoding.UTF8.GetString(head).ReplaceLineEndings(" ");
        var printable = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return line.Length > 80 ? $"'{printable}…'" : $"'{printable}'";
    }
}
