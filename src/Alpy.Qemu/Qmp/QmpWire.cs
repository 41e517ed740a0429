using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alpy.Qemu.Qmp;

/// <summary>QMP's wire format: the command a client sends, and what the greeting, events and errors QEMU sends
/// look like. Reading is lenient: a missing field gets a neutral value rather than failing the connection.</summary>
internal static class QmpWire
{
    private static readonly JsonElement EmptyObject = ParseEmptyObject();

    /// <summary><c>{"execute": COMMAND, "arguments": {...}, "id": ID}</c> and its line end.</summary>
    public static byte[] Command(string command, JsonObject? arguments, long id)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("execute", command);
            if (arguments is not null)
            {
                writer.WritePropertyName("arguments");
                arguments.WriteTo(writer);
            }

            writer.WriteNumber("id", id);
            writer.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>QEMU's version from the greeting's <c>QMP</c> member.</summary>
    public static QmpVersion Version(JsonElement greeting)
    {
        if (!greeting.TryGetProperty("version", out var version) || !version.TryGetProperty("qemu", out var qemu))
        {
            return new QmpVersion(0, 0, 0, string.Empty);
        }

        static int Part(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;

        var package = version.TryGetProperty("package", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : string.Empty;
        return new QmpVersion(Part(qemu, "major"), Part(qemu, "minor"), Part(qemu, "micro"), package);
    }

    /// <summary>An event message: its data (an empty object when it has none) and QEMU's timestamp.</summary>
    public static QmpEvent Event(string name, JsonElement message)
    {
        var data = message.TryGetProperty("data", out var d) ? d.Clone() : EmptyObject;
        return new QmpEvent(name, data, Timestamp(message));
    }

    /// <summary>The exception for an answer with an <c>error</c> member: QMP's class and description.</summary>
    public static QmpException Error(string command, JsonElement message)
    {
        var error = message.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var errorClass = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("class", out var c) ? c.GetString() : null;
        var description = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("desc", out var dsc)
            ? dsc.GetString() ?? string.Empty
            : message.GetRawText();
        return new QmpException(command, errorClass, description, $"QEMU refused `{command}` ({errorClass ?? "error"}): {description}");
    }

    private static DateTimeOffset Timestamp(JsonElement message)
    {
        if (message.TryGetProperty("timestamp", out var timestamp)
            && timestamp.TryGetProperty("seconds", out var seconds) && seconds.TryGetInt64(out var s)
            && timestamp.TryGetProperty("microseconds", out var microseconds) && microseconds.TryGetInt64(out var us))
        {
            return DateTimeOffset.FromUnixTimeSeconds(s).AddTicks(us * 10);
        }

        return DateTimeOffset.UtcNow;
    }

    private static JsonElement ParseEmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
