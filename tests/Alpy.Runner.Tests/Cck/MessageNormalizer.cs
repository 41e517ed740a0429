using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alpy.Runner.Tests.Cck;

/// <summary>
/// Brings a Cucumber Messages stream into a form two implementations can be compared in: meta,
/// timestamps, durations, uris, source references, exception types and stack traces, and
/// snippet code (language-specific) are dropped; every id is replaced by where it is defined
/// (e.g. <c>pickle[2].steps[0]</c>), so references compare by what they point at.
/// </summary>
internal static class MessageNormalizer
{
    private static readonly HashSet<string> Dropped = ["timestamp", "duration", "uri", "sourceReference", "workerId"];

    public static IReadOnlyList<NormalizedMessage> Normalize(IEnumerable<string> ndjsonLines)
    {
        var envelopes = ndjsonLines.Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonNode.Parse(l)!.AsObject())
            .Select(e => (Type: e.Single().Key, Body: e.Single().Value!))
            .Where(e => e.Type != "meta")
            .ToList();

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var indexed = new List<(string Type, int Index, JsonNode Body)>();
        foreach (var (type, body) in envelopes)
        {
            var index = counters.GetValueOrDefault(type);
            counters[type] = index + 1;
            indexed.Add((type, index, body));
            CollectIds(body, $"{type}[{index}]", names);
        }

        return indexed.Select(e => new NormalizedMessage(e.Type, e.Index, Canonical(Transform(e.Body.DeepClone(), names)))).ToArray();
    }

    private static void CollectIds(JsonNode? node, string path, Dictionary<string, string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key == "id" && value is JsonValue id && id.TryGetValue<string>(out var text))
                    {
                        names.TryAdd(text, path);
                    }
                    else
                    {
                        CollectIds(value, $"{path}.{key}", names);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CollectIds(array[i], $"{path}[{i}]", names);
                }

                break;
        }
    }

    private static JsonNode? Transform(JsonNode? node, Dictionary<string, string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                {
                    var value = obj[key];
                    if (Dropped.Contains(key))
                    {
                        obj.Remove(key);
                    }
                    else if (key == "exception" && value is JsonObject exception)
                    {
                        exception.Remove("type");
                        exception.Remove("stackTrace");
                    }
                    else if (key == "snippets" && value is JsonArray snippets)
                    {
                        obj[key] = new JsonArray(snippets.Select(_ => (JsonNode)new JsonObject()).ToArray());
                    }
                    else if ((key == "id" || key.EndsWith("Id", StringComparison.Ordinal)) && value is JsonValue v && v.TryGetValue<string>(out var id))
                    {
                        obj[key] = Rename(id, names);
                    }
                    else if (key.EndsWith("Ids", StringComparison.Ordinal) && value is JsonArray ids)
                    {
                        obj[key] = new JsonArray(ids.Select(i => (JsonNode)Rename(i!.GetValue<string>(), names)).ToArray());
                    }
                    else
                    {
                        Transform(value, names);
                    }
                }

                return obj;
            case JsonArray array:
                foreach (var item in array)
                {
                    Transform(item, names);
                }

                return array;
            default:
                return node;
        }
    }

    private static string Rename(string id, Dictionary<string, string> names) => names.TryGetValue(id, out var name) ? name : "unknown id " + id;

    /// <summary>JSON with keys in ordinal order, so equal content gives equal text.</summary>
    private static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? string.Empty : ",").Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(value, text);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Write(array[i], text);
                }

                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }
}

/// <summary>One message after normalisation: its type, its position among messages of that type, and its canonical JSON.</summary>
internal sealed record NormalizedMessage(string Type, int Index, string Json);
