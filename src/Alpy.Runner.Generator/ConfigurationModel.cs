using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Alpy.Runner.Generator;

/// <summary>
/// What the generator needs of reqnroll.json: the file's text (embedded for the run), the default
/// feature language, the binding assemblies (for step checks) and whether it parses at all. The
/// run validates every key again, with the same messages, when it starts.
/// </summary>
internal sealed class ConfigurationModel : IEquatable<ConfigurationModel>
{
    private ConfigurationModel(string? path, string? text, string featureLanguage, IReadOnlyList<string> bindingAssemblies, string? error, int errorLine)
    {
        Path = path;
        Text = text;
        FeatureLanguage = featureLanguage;
        BindingAssemblies = bindingAssemblies;
        Error = error;
        ErrorLine = errorLine;
    }

    public string? Path { get; }

    public string? Text { get; }

    public string FeatureLanguage { get; }

    public IReadOnlyList<string> BindingAssemblies { get; }

    public string? Error { get; }

    public int ErrorLine { get; }

    public static ConfigurationModel None { get; } = new(null, null, "en", Array.Empty<string>(), null, 0);

    public static ConfigurationModel Read(string path, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ConfigurationModel(path, text, "en", Array.Empty<string>(), null, 0);
        }

        try
        {
            var root = JToken.Parse(text, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
            if (root is not JObject json)
            {
                return new ConfigurationModel(path, text, "en", Array.Empty<string>(), "reqnroll.json must contain a JSON object ({ ... }).", 1);
            }

            var language = (json["language"] as JObject)?["feature"] is JValue { Type: JTokenType.String } value ? (string)value! : "en";
            var assemblies = (json["bindingAssemblies"] as JArray)?.OfType<JObject>()
                .Select(o => o["assembly"] is JValue { Type: JTokenType.String } a ? (string)a! : null)
                .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).ToArray() ?? Array.Empty<string>();
            return new ConfigurationModel(path, text, language, assemblies, null, 0);
        }
        catch (JsonReaderException e)
        {
            return new ConfigurationModel(path, text, "en", Array.Empty<string>(), "reqnroll.json is not valid JSON: " + e.Message, e.LineNumber);
        }
    }

    public bool Equals(ConfigurationModel? other) => other is not null && Path == other.Path && Text == other.Text;

    public override bool Equals(object? obj) => Equals(obj as ConfigurationModel);

    public override int GetHashCode() => (Text ?? string.Empty).GetHashCode();
}
