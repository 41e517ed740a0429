using System.Text.Json.Nodes;
using Alpy.Reports.Messages;

namespace Alpy.Reports.Merge;

/// <summary>
/// The suite's definitions (meta, sources, Gherkin documents, pickles, step definitions, hooks,
/// parameter types) gathered from several shards: one copy of each, in order of first appearance. A
/// later shard's copy is not kept; its ids are aliased onto the kept copy's, so that its executions
/// refer to what is kept.
/// </summary>
internal sealed class SuiteDefinitions
{
    private readonly List<(Envelope Definition, string Path)> _definitions = [];
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _pickles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pickleNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _glue = new(StringComparer.Ordinal);
    private readonly HashSet<string> _plain = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private (Envelope Definition, string Path)? _meta;

    /// <summary>The kept definitions, meta first, each with the stream it came from.</summary>
    public IEnumerable<(Envelope Definition, string Path)> InOrder => _meta is { } meta ? _definitions.Prepend(meta) : _definitions;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>"'Title' (features/x.feature)" of a kept pickle, for messages.</summary>
    public string NameOf(string pickleId) => _pickleNames.GetValueOrDefault(pickleId, pickleId);

    /// <summary>Keeps a shard's definition, or aliases its ids onto the copy already kept.</summary>
    /// <param name="envelope">A definition (see <see cref="MessageKinds.IsDefinition"/>).</param>
    /// <param name="remap">The shard's id remapper.</param>
    /// <param name="path">The shard's stream, for errors.</param>
    public void Add(Envelope envelope, IdRemapper remap, string path)
    {
        switch (envelope.Kind)
        {
            case MessageKinds.Meta:
                KeepMeta(envelope, path);
                break;
            case MessageKinds.Source:
                KeepSource(envelope, path);
                break;
            case MessageKinds.GherkinDocument:
                KeepDocument(envelope, remap, path);
                break;
            case MessageKinds.Pickle:
                KeepPickle(envelope, remap, path);
                break;
            case MessageKinds.StepDefinition or MessageKinds.Hook or MessageKinds.ParameterType:
                KeepGlue(envelope, remap, path);
                break;
            default:
                KeepPlain(envelope, remap, path);
                break;
        }
    }

    private void KeepMeta(Envelope envelope, string path)
    {
        if (_meta is not { } kept)
        {
            _meta = (envelope, path);
            return;
        }

        var version = envelope.Message["protocolVersion"]?.ToString();
        var first = kept.Definition.Message["protocolVersion"]?.ToString();
        if (version != first)
        {
            _warnings.Add($"{path} was written with Cucumber Messages {version}, the first shard with {first}; were the shards built from the same commit?");
        }
    }

    private void KeepSource(Envelope envelope, string path)
    {
        var uri = envelope.GetString("uri") ?? "";
        var data = envelope.GetString("data") ?? "";
        if (_sources.TryGetValue(uri, out var known))
        {
            if (known != data)
            {
                throw new ReportException($"{path} ran a different version of {uri} than an earlier shard. " +
                    "All shards must run the same commit; re-run them from one checkout.");
            }

            return;
        }

        _sources[uri] = data;
        _definitions.Add((envelope, path));
    }

    private void KeepDocument(Envelope envelope, IdRemapper remap, string path)
    {
        var uri = envelope.GetString("uri") ?? "";
        if (_documents.TryGetValue(uri, out var canonical))
        {
            AliasParallel(canonical, envelope.Message, remap, $"{path}: the Gherkin document of {uri}");
            return;
        }

        remap.Apply(envelope.Message);
        _documents[uri] = envelope.Message;
        _definitions.Add((envelope, path));
    }

    private void KeepPickle(Envelope envelope, IdRemapper remap, string path)
    {
        var astNodeIds = (envelope.Message["astNodeIds"] as JsonArray ?? []).Select(n => remap.Map(n?.ToString() ?? ""));
        var key = $"{envelope.GetString("uri")}|{string.Join(",", astNodeIds)}";
        if (_pickles.TryGetValue(key, out var canonical))
        {
            AliasParallel(canonical, envelope.Message, remap, $"{path}: the pickle of {key}");
            return;
        }

        remap.Apply(envelope.Message);
        _pickles[key] = envelope.Message;
        _pickleNames[envelope.GetString("id") ?? ""] = $"'{envelope.GetString("name")}' ({envelope.GetString("uri")})";
        _definitions.Add((envelope, path));
    }

    private void KeepGlue(Envelope envelope, IdRemapper remap, string path)
    {
        var id = envelope.GetString("id") ?? "";
        var key = KeyWithout(envelope, "id");
        if (_glue.TryGetValue(key, out var canonicalId))
        {
            remap.Alias(id, canonicalId);
            return;
        }

        remap.Apply(envelope.Message);
        _glue[key] = envelope.GetString("id") ?? "";
        _definitions.Add((envelope, path));
    }

    private void KeepPlain(Envelope envelope, IdRemapper remap, string path)
    {
        if (_plain.Add(KeyWithout(envelope, null)))
        {
            remap.Apply(envelope.Message);
            _definitions.Add((envelope, path));
        }
    }

    // Two shards parsed the same file: walk both trees together and make every id of the later one
    // mean the id at the same place in the first, so references to either land on the one copy kept.
    private static void AliasParallel(JsonNode canonical, JsonNode duplicate, IdRemapper remap, string what)
    {
        switch (canonical, duplicate)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (name, value) in b)
                {
                    if (!a.TryGetPropertyValue(name, out var counterpart) || counterpart is null)
                    {
                        throw Mismatch(what);
                    }

                    if (name == "id" && value is JsonValue v && v.TryGetValue(out string? id))
                    {
                        remap.Alias(id, counterpart.ToString());
                    }
                    else if (value is not null)
                    {
                        AliasParallel(counterpart, value, remap, what);
                    }
                }

                break;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    throw Mismatch(what);
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } x && b[i] is { } y)
                    {
                        AliasParallel(x, y, remap, what);
                    }
                }

                break;
            default:
                break;
        }
    }

    private static ReportException Mismatch(string what) => new(
        $"{what} differs in shape from an earlier shard's, so the shards cannot be one suite. Run every shard from the same commit and runner.");

    private static string KeyWithout(Envelope envelope, string? property)
    {
        var clone = (JsonObject)envelope.Message.DeepClone();
        if (property is not null)
        {
            clone.Remove(property);
        }

        return envelope.Kind + clone.ToJsonString();
    }
}
