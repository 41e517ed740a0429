using System.Text.Json.Nodes;

namespace Alpy.Reports.Messages;

/// <summary>
/// One envelope of a Cucumber Messages stream as JSON: its kind (e.g. "pickle") and its message, a mutable
/// JSON object. The shard merge works on this view because it rewrites the ids of every message, whatever
/// its kind; everything else reads Cucumber.Messages' typed <see cref="Io.Cucumber.Messages.Types.Envelope"/>
/// (<see cref="MessageStreamReader.ReadAllAsync"/>).
/// </summary>
/// <param name="Kind">The envelope's only property name (see <see cref="MessageKinds"/>).</param>
/// <param name="Message">The message itself.</param>
/// <param name="Line">The 1-based line of the stream it was read from (0 when made in memory).</param>
internal sealed record Envelope(string Kind, JsonObject Message, int Line = 0)
{
    /// <summary>Reads a string property of the message, or null when it is absent or not a string.</summary>
    public string? GetString(string property) =>
        Message.TryGetPropertyValue(property, out var node) && node is JsonValue value && value.TryGetValue(out string? s) ? s : null;
}
