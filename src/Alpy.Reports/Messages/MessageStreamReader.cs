using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Typed = Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Messages;

/// <summary>
/// Reads a Cucumber Messages NDJSON stream into Cucumber.Messages' types, envelope by envelope, without
/// holding the whole stream in memory. What the package's own NdjsonMessageReader does not: every line is
/// bounded (a longer one is an error, not an allocation), every problem is a <see cref="MessageStreamException"/>
/// naming file, line and fix, and a last line cut short (a writer killed mid-line; Reqnroll writes its stream in
/// 64 KiB blocks) is not an error: it is dropped and <see cref="TruncatedTailBytes"/> says so, because the run's
/// other messages are still worth reading and the missing <c>testRunFinished</c> already marks the run incomplete.
/// Lines of kinds this version of Cucumber.Messages has no type for are skipped and counted (<see cref="UnknownKinds"/>).
/// </summary>
public sealed class MessageStreamReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly string _path;
    private readonly MessageStreamReaderOptions _options;
    private readonly JsonSerializerOptions _json;
    private readonly Dictionary<string, int> _unknownKinds = new(StringComparer.Ordinal);

    public MessageStreamReader(string path, MessageStreamReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _options = options ?? MessageStreamReaderOptions.Default;
        _options.Validate();
        _json = _options.MaxDepth == CucumberJson.Options.MaxDepth ? CucumberJson.Options : CucumberJson.Create(_options.MaxDepth);
        _path = path;
    }

    /// <summary>The stream's path as given.</summary>
    public string Path => _path;

    /// <summary>Bytes of an unterminated, unparseable last line that were dropped (0 when none).</summary>
    public long TruncatedTailBytes { get; private set; }

    /// <summary>Envelopes of kinds Cucumber.Messages does not know (a newer protocol), by kind: skipped, not failed.</summary>
    public IReadOnlyDictionary<string, int> UnknownKinds => _unknownKinds;

    /// <summary>Reads every envelope in order. Can be enumerated once.</summary>
    public async IAsyncEnumerable<StreamEnvelope> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = OpenOrExplain();
        ThrowIfEmpty(stream.Length);
        await foreach (var envelope in TypedAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return envelope;
        }
    }

    /// <summary>
    /// Reads a stream that is still being written (the live progress of a run): a read at the end waits for
    /// more, and a last line without its newline is "not yet", until <paramref name="writerFinished"/> says the
    /// writer is done; then it ends as <see cref="ReadAllAsync"/> does. The file may appear only after this starts.
    /// </summary>
    public async IAsyncEnumerable<StreamEnvelope> FollowAsync(Func<bool> writerFinished, TimeSpan pollInterval,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writerFinished);
        await using var stream = new GrowingFileStream(_path, writerFinished, pollInterval);
        var any = false;
        await foreach (var envelope in TypedAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            any = true;
            yield return envelope;
        }

        if (!any)
        {
            ThrowIfMissing(_path);
        }
    }

    /// <summary>
    /// Reads the envelopes as JSON (kind and message object), of the kinds <paramref name="wanted"/> accepts;
    /// the other lines are only scanned for their kind, not parsed. For the shard merge, which rewrites ids
    /// whatever the message kind.
    /// </summary>
    internal async IAsyncEnumerable<Envelope> ReadJsonAsync(Func<string, bool>? wanted = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = OpenOrExplain();
        ThrowIfEmpty(stream.Length);
        await foreach (var (raw, line, isTail) in LinesAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            if (Shape(raw, line, isTail) is { } kind && (wanted is null || wanted(kind)))
            {
                var envelope = (JsonObject)JsonNode.Parse(raw, documentOptions: new JsonDocumentOptions { MaxDepth = _options.MaxDepth })!;
                var message = (JsonObject)envelope[kind]!;
                envelope.Remove(kind);
                yield return new Envelope(kind, message, line);
            }
        }
    }

    /// <summary>Types a JSON envelope (e.g. one the merge rewrote), with the same checks as reading; null for a kind Cucumber.Messages does not know.</summary>
    internal static Typed.Envelope? ToTyped(Envelope envelope, string path, MessageStreamReaderOptions? options = null)
    {
        if (!CucumberJson.KnownKinds.Contains(envelope.Kind))
        {
            return null;
        }

        var json = new JsonObject { [envelope.Kind] = envelope.Message.DeepClone() };
        var serializer = options is null || options.MaxDepth == CucumberJson.Options.MaxDepth ? CucumberJson.Options : CucumberJson.Create(options.MaxDepth);
        return Typed(() => json.Deserialize<Typed.Envelope>(serializer), path, envelope.Kind, envelope.Line,
            () => Preview(Encoding.UTF8.GetBytes(json.ToJsonString())));
    }

    /// <summary>Fails with the reader's own explanation when <paramref name="path"/> is not a file, before any work is done.</summary>
    public static void ThrowIfMissing(string path)
    {
        if (!File.Exists(path))
        {
            throw Missing(path, null);
        }
    }

    private async IAsyncEnumerable<StreamEnvelope> TypedAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (raw, line, isTail) in LinesAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            if (Shape(raw, line, isTail) is not { } kind)
            {
                continue;
            }

            if (!CucumberJson.KnownKinds.Contains(kind))
            {
                CountUnknown(kind);
                continue;
            }

            yield return new StreamEnvelope(Typed(() => JsonSerializer.Deserialize<Typed.Envelope>(raw, _json), _path, kind, line, () => Preview(raw)), line);
        }
    }

    // Cucumber.Messages' constructors check the fields the schema requires (ArgumentNullException naming the field).
    private static Typed.Envelope Typed(Func<Typed.Envelope?> deserialize, string path, string kind, int line, Func<string> preview)
    {
        try
        {
            return deserialize() ?? throw new JsonException("the message is null.");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new MessageStreamException(path, line == 0 ? null : line,
                $"has a '{kind}' message that does not follow the Cucumber Messages schema: {e.Message} Line starts with: {preview()}",
                "The file was edited or written by a runner out of step with the protocol; re-run the suite to write it again.", e);
        }
    }

    private async IAsyncEnumerable<(byte[] Raw, int Line, bool IsTail)> LinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
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
                    if (Content(line, lineNumber) is { } raw)
                    {
                        yield return (raw, lineNumber, false);
                    }
                }

                if (buffer.Length > _options.MaxMessageBytes)
                {
                    throw TooLong(lineNumber + 1);
                }

                if (read.IsCompleted)
                {
                    if (!buffer.IsEmpty && Content(buffer, lineNumber + 1) is { } last)
                    {
                        yield return (last, lineNumber + 1, true);
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

    private static MessageStreamException Missing(string path, Exception? cause) => new(path, null, "does not exist.",
        "Run the suite first (Reqnroll writes the stream to formatters.message.outputFilePath in reqnroll.json), or give the right path.", cause);

    private void ThrowIfEmpty(long length)
    {
        if (length == 0)
        {
            throw new MessageStreamException(_path, null,
                "is empty: the run wrote no messages (Reqnroll writes its stream in 64 KiB blocks, so a test host that crashed or was killed early leaves it empty).",
                "See the test run's own output for why it stopped, and check that formatters.message.outputFilePath in reqnroll.json points here.");
        }
    }

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

    // The line's bytes without a leading BOM; null for a blank line.
    private byte[]? Content(ReadOnlySequence<byte> line, int lineNumber)
    {
        if (line.Length > _options.MaxMessageBytes)
        {
            throw TooLong(lineNumber);
        }

        if (lineNumber == 1 && line.Length >= 3 && StartsWithBom(line))
        {
            line = line.Slice(3);
        }

        return IsBlank(line) ? null : line.ToArray();
    }

    /// <summary>
    /// Checks that the line is one JSON object with one property holding an object (an envelope) and returns
    /// that property's name, the kind; null for an unterminated last line that is cut off (then counted).
    /// </summary>
    private string? Shape(byte[] raw, int lineNumber, bool isTail)
    {
        string? kind;
        try
        {
            // First: one well-formed JSON value and nothing after it.
            var options = new JsonReaderOptions { MaxDepth = _options.MaxDepth };
            var json = new Utf8JsonReader(raw, options);
            json.Read();
            json.Skip();
            if (json.Read())
            {
                throw new JsonException("there is more after the first JSON value.");
            }

            // Then: an object with one property, holding an object.
            var shape = new Utf8JsonReader(raw, options);
            kind = shape.Read() && shape.TokenType == JsonTokenType.StartObject && shape.Read() && shape.TokenType == JsonTokenType.PropertyName
                ? shape.GetString()
                : null;
            if (kind is not null && shape.Read() && shape.TokenType == JsonTokenType.StartObject)
            {
                shape.Skip();
                kind = shape.Read() && shape.TokenType == JsonTokenType.EndObject ? kind : null;
            }
            else
            {
                kind = null;
            }
        }
        catch (JsonException) when (isTail)
        {
            // A writer killed in the middle of a line leaves exactly this; keep what came before.
            TruncatedTailBytes = raw.Length;
            return null;
        }
        catch (JsonException e)
        {
            var column = e.BytePositionInLine is { } p ? $", byte {p + 1}" : "";
            throw new MessageStreamException(_path, lineNumber, $"is not valid JSON{column}: {e.Message} Line starts with: {Preview(raw)}",
                "The file is not a Cucumber Messages NDJSON stream or it was corrupted; re-run the suite to write it again.", e);
        }

        return kind ?? throw new MessageStreamException(_path, lineNumber,
            $"is JSON but not a Cucumber Messages envelope (one property holding an object, such as {{\"pickle\":{{...}}}}). Line starts with: {Preview(raw)}",
            "Give the suite's message stream (formatters.message.outputFilePath in reqnroll.json), not another JSON file.");
    }

    private void CountUnknown(string kind) => _unknownKinds[kind] = _unknownKinds.GetValueOrDefault(kind) + 1;

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

    private static string Preview(byte[] line)
    {
        var head = line.AsSpan(0, Math.Min(line.Length, 80));
        var text = Encoding.UTF8.GetString(head).ReplaceLineEndings(" ");
        var printable = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return line.Length > 80 ? $"'{printable}…'" : $"'{printable}'";
    }
}
