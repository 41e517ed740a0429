using System.Text.Json;

namespace Alpy.Runner.Messages;

/// <summary>
/// Writes envelopes as NDJSON. Lines are written whole and flushed at the end of every test case
/// and hook, so a stream cut short by a crash ends on a complete line and lacks <c>testRunFinished</c>,
/// which is how readers tell an interrupted run from a finished one.
/// </summary>
internal sealed class MessageStreamWriter : IDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream stream;
    private readonly MemoryStream pending = new();
    private readonly Utf8JsonWriter json;

    public MessageStreamWriter(Stream stream)
    {
        this.stream = stream;
        json = new Utf8JsonWriter(pending, new JsonWriterOptions { Encoder = MessageJsonContext.Stream.Options.Encoder, SkipValidation = true });
    }

    public void Write(Envelope envelope)
    {
        if (!StepMessageWriter.TryWrite(json, envelope) && !PickleMessageWriter.TryWrite(json, envelope))
        {
            // The writer carries the relaxed encoder; the default context's options are the generated
            // ones, which lets System.Text.Json run its generated code (Stream's encoder rules that out).
            JsonSerializer.Serialize(json, envelope, MessageJsonContext.Default.Envelope);
        }

        json.Flush();
        json.Reset();
        pending.WriteByte((byte)'\n');
        if (pending.Length >= FlushThreshold || IsBoundary(envelope))
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (pending.Length > 0)
        {
            stream.Write(pending.GetBuffer(), 0, (int)pending.Length);
            stream.Flush();
            pending.SetLength(0);
        }
    }

    public void Dispose()
    {
        Flush();
        json.Dispose();
        pending.Dispose();
        stream.Dispose();
    }

    private static bool IsBoundary(Envelope envelope) =>
        envelope.TestCaseFinished is not null || envelope.TestRunHookFinished is not null || envelope.TestRunFinished is not null
        || envelope.TestRunStarted is not null || envelope.Attachment is not null;
}
