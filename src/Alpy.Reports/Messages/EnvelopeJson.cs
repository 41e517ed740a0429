using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Alpy.Reports.Messages;

/// <summary>Serialises envelopes for the two places they go: NDJSON files and a page's inline script.</summary>
internal sealed class EnvelopeJson : IDisposable
{
    // Inside <script>, '<' must never appear raw ("</script>", "<!--"); the default encoder writes it
    // as \u003C. All Unicode ranges are allowed so that non-ASCII text is not inflated six-fold.
    private static readonly JsonWriterOptions ScriptSafe = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        SkipValidation = true,
    };

    private static readonly JsonWriterOptions Ndjson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;

    private EnvelopeJson(JsonWriterOptions options) => _writer = new Utf8JsonWriter(_buffer, options);

    public static EnvelopeJson ForScript() => new(ScriptSafe);

    public static EnvelopeJson ForNdjson() => new(Ndjson);

    /// <summary>The envelope as UTF-8 JSON; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Serialize(Envelope envelope)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        envelope.WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _writer.Dispose();
}
