using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Typed = Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Messages;

/// <summary>
/// The JSON form of Cucumber Messages for System.Text.Json. Cucumber.Messages leaves serialisation to its users
/// (its NDJSON reader and writer take a serialiser function, to tie the package to no JSON library) and documents
/// the settings: camelCase names, enums as their schema values (the [Description] of each member, e.g.
/// "text/x.cucumber.gherkin+plain"), nulls left out. These are they, as Reqnroll's message formatter uses them.
/// </summary>
internal static class CucumberJson
{
    public static JsonSerializerOptions Options { get; } = Create(maxDepth: 128);

    /// <summary>Envelope kinds this version of Cucumber.Messages has a type for ("pickle", "testRunHookStarted", ...).</summary>
    public static IReadOnlySet<string> KnownKinds { get; } = typeof(Typed.Envelope).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .ToHashSet(StringComparer.Ordinal);

    public static JsonSerializerOptions Create(int maxDepth)
    {
        var options = new JsonSerializerOptions(CucumberJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = maxDepth,
        };
        options.MakeReadOnly();
        return options;
    }

    public static string Serialize(Typed.Envelope envelope) => JsonSerializer.Serialize(envelope, Options);

    /// <summary>Enums of the protocol, written and read as the schema spells them; any other value is a JSON error.</summary>
    internal sealed class SchemaEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && typeToConvert.Namespace == typeof(Typed.Envelope).Namespace;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(SchemaEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class SchemaEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly Dictionary<T, string> _names = [];
        private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);

        public SchemaEnumConverter()
        {
            foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var value = (T)field.GetValue(null)!;
                var name = field.GetCustomAttribute<DescriptionAttribute>()?.Description ?? field.Name;
                _names[value] = name;
                _values[name] = value;
            }
        }

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is not null && _values.TryGetValue(text, out var value)
                ? value
                : throw new JsonException($"'{text}' is not a {typeof(T).Name} (one of {string.Join(", ", _values.Keys)}).");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(_names.TryGetValue(value, out var name) ? name : value.ToString());
    }
}

/// <summary>
/// The protocol's types' JSON metadata, generated at build time: a report is one short process, and working
/// these out by reflection for Cucumber.Messages' eighty types took it a second or two before the first line.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CucumberJson.SchemaEnumConverterFactory)])]
[JsonSerializable(typeof(Typed.Envelope))]
internal sealed partial class CucumberJsonContext : JsonSerializerContext;
