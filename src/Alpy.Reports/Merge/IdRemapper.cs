using System.Text.Json.Nodes;

namespace Alpy.Reports.Merge;

/// <summary>
/// Rewrites the ids of one shard's messages so that shards cannot collide: every property named
/// <c>id</c> or ending in <c>Id</c>/<c>Ids</c> (the protocol's naming for ids and references) is mapped,
/// either to the canonical id of a definition another shard already contributed, or to a
/// shard-prefixed id.
/// </summary>
internal sealed class IdRemapper(string prefix)
{
    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="id"/> of this shard mean <paramref name="canonicalId"/> (already remapped).</summary>
    public void Alias(string id, string canonicalId) => _canonical[id] = canonicalId;

    public string Map(string id) => _canonical.TryGetValue(id, out var canonical) ? canonical : prefix + id;

    /// <summary>Rewrites every id in the node tree, in place.</summary>
    public void Apply(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (IsIdName(name) && value is JsonValue v && v.TryGetValue(out string? id))
                    {
                        obj[name] = Map(id);
                    }
                    else if (name.EndsWith("Ids", StringComparison.Ordinal) && value is JsonArray ids)
                    {
                        for (var i = 0; i < ids.Count; i++)
                        {
                            if (ids[i] is JsonValue item && item.TryGetValue(out string? each))
                            {
                                ids[i] = Map(each);
                            }
                        }
                    }
                    else
                    {
                        Apply(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Apply(item);
                }

                break;
            default:
                break;
        }
    }

    private static bool IsIdName(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal);
}
