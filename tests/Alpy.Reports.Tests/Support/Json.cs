using System.Text.Json;
using System.Text.Json.Nodes;
using Alpy.Reports.Messages;
using Envelope = Io.Cucumber.Messages.Types.Envelope;

namespace Alpy.Reports.Tests.Support;

/// <summary>Typed envelopes from JSON written in a test, and back, with the reports' own Cucumber Messages settings.</summary>
internal static class Json
{
    /// <summary>A meta line as Reqnroll 3.3.4 writes it (the schema requires every one of its fields).</summary>
    public const string MetaLine = """{"meta":{"protocolVersion":"30.1.0","implementation":{"name":"Reqnroll","version":"3.3.4"},"runtime":{"name":"dotNet","version":"10.0.12"},"os":{"name":"Linux"},"cpu":{"name":"x64"}}}""";

    public static Envelope Meta => System.Text.Json.JsonSerializer.Deserialize<Envelope>(MetaLine, CucumberJson.Options)!;

    public static Envelope Envelope(JsonObject envelope) => envelope.Deserialize<Envelope>(CucumberJson.Options)!;

    public static JsonObject Of(Envelope envelope) => (JsonObject)JsonNode.Parse(CucumberJson.Serialize(envelope))!;
}
