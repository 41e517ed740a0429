using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Alpy.Reports.Messages.Protocol;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Meta))]
[JsonSerializable(typeof(GherkinDocument))]
[JsonSerializable(typeof(Pickle))]
[JsonSerializable(typeof(Hook))]
[JsonSerializable(typeof(TestRunStarted))]
[JsonSerializable(typeof(TestRunFinished))]
[JsonSerializable(typeof(TestCase))]
[JsonSerializable(typeof(TestCaseStarted))]
[JsonSerializable(typeof(TestStepFinished))]
[JsonSerializable(typeof(TestCaseFinished))]
[JsonSerializable(typeof(TestRunHookStarted))]
[JsonSerializable(typeof(TestRunHookFinished))]
[JsonSerializable(typeof(Attachment))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

/// <summary>Typed views of envelopes; a message missing what the protocol requires is a corrupt line.</summary>
internal static class ProtocolJson
{
    public static T Read<T>(Envelope envelope, string path)
        where T : class
    {
        try
        {
            var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)ProtocolJsonContext.Default.GetTypeInfo(typeof(T))!;
            return (envelope.Raw.IsEmpty ? envelope.Message.Deserialize(info) : FromRaw(envelope.Raw.Span, info))
                ?? throw new JsonException("the message is null.");
        }
        catch (JsonException e)
        {
            throw new MessageStreamException(path, envelope.Line == 0 ? null : envelope.Line,
                $"has a '{envelope.Kind}' message that does not follow the Cucumber Messages schema: {e.Message}",
                "The runner that wrote it is out of step with the protocol; re-run the suite with the project's runner.", e);
        }
    }

    // The envelope is {"kind": message}: step onto the message and read it straight from the bytes.
    private static T? FromRaw<T>(ReadOnlySpan<byte> raw, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        reader.Read();
        reader.Read();
        return JsonSerializer.Deserialize(ref reader, info);
    }
}
