using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alpy.Docker.Json;

/// <summary>
/// Docker writes environments as <c>["NAME=value", ...]</c>; callers think of them as name → value.
/// On reading, a later entry of the same name wins (as the kernel's getenv would see it).
/// </summary>
internal sealed class EnvironmentListConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("An environment must be an array of NAME=value strings.");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var entry = reader.GetString() ?? "";
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            environment[equals < 0 ? entry : entry[..equals]] = equals < 0 ? "" : entry[(equals + 1)..];
        }

        return environment;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var (name, text) in value)
        {
            writer.WriteStringValue($"{name}={text}");
        }

        writer.WriteEndArray();
    }
}
