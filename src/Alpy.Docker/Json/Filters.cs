using System.Text.Json;

namespace Alpy.Docker.Json;

/// <summary>The <c>filters</c> query parameter of list endpoints: JSON of filter name to values.</summary>
internal static class Filters
{
    public static string? ToQueryValue(params (string Name, IReadOnlyList<string> Values)[] filters)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in filters)
        {
            if (values.Count > 0)
            {
                map[name] = values;
            }
        }

        return map.Count == 0 ? null : JsonSerializer.Serialize(map, DockerJsonContext.Default.DictionaryStringIReadOnlyListString);
    }
}
