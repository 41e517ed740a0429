using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alpy.Reports.Messages;

/// <summary>
/// One envelope of a Cucumber Messages stream: exactly one message of one kind, e.g.
/// <c>{"pickle":{...}}</c> has <see cref="Kind"/> "pickle". The message stays a mutable JSON object
/// so that messages of kinds this library does not know pass through unchanged.
/// </summary>
/// <param name="Kind">The envelope's only property name (see <see cref="MessageKinds"/>).</param>
/// <param name="Message">The message itself.</param>
/// <param name="Line">The 1-based line of the stream it was read from (0 when made in memory).</param>
public sealed record Envelope(string Kind, JsonObject Message, int Line = 0)
{
    /// <summary>
    /// The envelope's line as read (UTF-8), so that typed views deserialise from bytes instead of
    /// re-serialising <see cref="Message"/>; empty once the message was changed (then it is the truth).
    /// </summary>
    internal ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>Marks <see cref="Message"/> as changed, so that typed views read it rather than the bytes read.</summary>
    internal Envelope Changed() => Raw.IsEmpty ? this : this with { Raw = default };

    /// <summary>Writes the envelope as one JSON object (no line break).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName(Kind);
        Message.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>Reads a string property of the message, or null when it is absent or not a string.</summary>
    public string? GetString(string property) =>
        Message.TryGetPropertyValue(property, out var node) && node is JsonValue value && value.TryGetValue(out string? s) ? s : null;
}
