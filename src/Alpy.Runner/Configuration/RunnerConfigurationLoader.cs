using System.Text.Json;
using Alpy.Runner.Expressions;

namespace Alpy.Runner.Configuration;

/// <summary>
/// Reads reqnroll.json with Reqnroll's keys, applies the environment overrides and validates the
/// result. Invalid JSON or a wrong value throws a <see cref="RunnerConfigurationException"/> that
/// names the file, the key and the allowed values; an unknown key becomes a warning.
/// </summary>
public static class RunnerConfigurationLoader
{
    public const string DryRunVariable = "REQNROLL_DRY_RUN";
    public const string FormattersDisabledVariable = "REQNROLL_FORMATTERS_DISABLED";

    private static readonly string[] KnownTopLevel = ["$schema", "language", "runtime", "trace", "bindingAssemblies", "formatters", "generator", "alpy"];

    /// <param name="json">The file's text; null or empty means no file.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    public static RunnerConfiguration Load(string? json, string fileName, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configuration = string.IsNullOrWhiteSpace(json) ? RunnerConfiguration.Default : Parse(json, fileName);
        return configuration with
        {
            DryRun = ReadBool(environment(DryRunVariable), DryRunVariable),
            FormattersDisabled = ReadBool(environment(FormattersDisabledVariable), FormattersDisabledVariable),
        };
    }

    private static RunnerConfiguration Parse(string json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RunnerConfigurationException($"{fileName} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message} Fix the file or delete it to use the defaults.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RunnerConfigurationException($"{fileName} must contain a JSON object ({{ ... }}), not a {root.ValueKind}.");
            }

            var reader = new Reader(fileName);
            reader.WarnUnknown(root, string.Empty, KnownTopLevel);
            var configuration = RunnerConfiguration.Default;
            if (reader.Section(root, "language") is { } language)
            {
                reader.WarnUnknown(language, "language.", ["feature", "binding"]);
                configuration = configuration with
                {
                    FeatureLanguage = reader.String(language, "language.feature") ?? configuration.FeatureLanguage,
                    BindingCulture = reader.String(language, "language.binding"),
                };
            }

            if (reader.Section(root, "runtime") is { } runtime)
            {
                reader.WarnUnknown(runtime, "runtime.", ["missingOrPendingStepsOutcome", "stopAtFirstError", "obsoleteBehavior"]);
                configuration = configuration with
                {
                    MissingOrPendingStepsOutcome = reader.Enum(runtime, "runtime.missingOrPendingStepsOutcome", configuration.MissingOrPendingStepsOutcome),
                    StopAtFirstError = reader.Bool(runtime, "runtime.stopAtFirstError") ?? false,
                };
            }

            if (reader.Section(root, "trace") is { } trace)
            {
                reader.WarnUnknown(trace, "trace.", ["stepDefinitionSkeletonStyle", "coloredOutput", "traceSuccessfulSteps", "traceTimings", "minTracedDuration"]);
                configuration = configuration with { SkeletonStyle = reader.Enum(trace, "trace.stepDefinitionSkeletonStyle", configuration.SkeletonStyle) };
            }

            if (root.TryGetProperty("bindingAssemblies", out var assemblies))
            {
                configuration = configuration with { BindingAssemblies = reader.BindingAssemblies(assemblies) };
            }

            if (reader.Section(root, "formatters") is { } formatters)
            {
                configuration = configuration with { Formatters = reader.Formatters(formatters) };
            }

            if (reader.Section(root, "alpy") is { } alpy)
            {
                reader.WarnUnknown(alpy, "alpy.", ["stopRunOnBindingErrors", "retry"]);
                configuration = configuration with
                {
                    StopRunOnBindingErrors = reader.Bool(alpy, "alpy.stopRunOnBindingErrors") ?? false,
                    Retry = reader.Int(alpy, "alpy.retry", 0, 10) ?? 0,
                };
            }

            return configuration with { Warnings = reader.Warnings };
        }
    }

    private static bool ReadBool(string? value, string variable)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return bool.TryParse(value.Trim(), out var result)
            ? result
            : throw new RunnerConfigurationException($"The environment variable {variable} is \"{value}\"; use true or false.");
    }

    private sealed class Reader(string fileName)
    {
        public List<string> Warnings { get; } = [];

        public JsonElement? Section(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out var section))
            {
                return null;
            }

            return section.ValueKind == JsonValueKind.Object
                ? section
                : throw new RunnerConfigurationException($"{fileName}: \"{name}\" must be an object ({{ ... }}), not a {section.ValueKind}.");
        }

        public void WarnUnknown(JsonElement element, string prefix, string[] known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (Array.IndexOf(known, property.Name) < 0)
                {
                    Warnings.Add($"{fileName}: unknown key \"{prefix}{property.Name}\" is ignored (known: {string.Join(", ", known.Select(k => prefix + k))}).");
                }
            }
        }

        public string? String(JsonElement parent, string key)
        {
            if (!parent.TryGetProperty(Leaf(key), out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw new RunnerConfigurationException($"{fileName}: \"{key}\" must be a non-empty string, not {value.GetRawText()}.");
        }

        public bool? Bool(JsonElement parent, string key)
        {
            if (!parent.TryGetProperty(Leaf(key), out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
                _ => throw new RunnerConfigurationException($"{fileName}: \"{key}\" must be true or false, not {value.GetRawText()}."),
            };
        }

        public int? Int(JsonElement parent, string key, int min, int max)
        {
            if (!parent.TryGetProperty(Leaf(key), out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
                ? number
                : throw new RunnerConfigurationException($"{fileName}: \"{key}\" must be a whole number from {min} to {max}, not {value.GetRawText()}.");
        }

        public T Enum<T>(JsonElement parent, string key, T fallback)
            where T : struct, Enum
        {
            var text = String(parent, key);
            if (text is null)
            {
                return fallback;
            }

            return System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(text, out _)
                ? parsed
                : throw new RunnerConfigurationException($"{fileName}: \"{key}\" is \"{text}\"; use one of {string.Join(", ", System.Enum.GetNames<T>())}.");
        }

        public List<string> BindingAssemblies(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw new RunnerConfigurationException($"{fileName}: \"bindingAssemblies\" must be an array such as [{{ \"assembly\": \"MySteps\" }}], not a {element.ValueKind}.");
            }

            var names = new List<string>();
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var key = $"bindingAssemblies[{index++}].assembly";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new RunnerConfigurationException($"{fileName}: every entry of \"bindingAssemblies\" must be an object with \"assembly\"; entry {index - 1} is {item.GetRawText()}.");
                }

                WarnUnknown(item, $"bindingAssemblies[{index - 1}].", ["assembly"]);
                names.Add(String(item, key) ?? throw new RunnerConfigurationException($"{fileName}: \"{key}\" is missing; name the assembly without .dll."));
            }

            return names;
        }

        public Dictionary<string, FormatterSettings> Formatters(JsonElement element)
        {
            var result = new Dictionary<string, FormatterSettings>(StringComparer.Ordinal);
            foreach (var formatter in element.EnumerateObject())
            {
                if (formatter.Value.ValueKind == JsonValueKind.False || formatter.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (formatter.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new RunnerConfigurationException($"{fileName}: \"formatters.{formatter.Name}\" must be an object such as {{ \"outputFilePath\": \"reports/x\" }}, not {formatter.Value.GetRawText()}.");
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var setting in formatter.Value.EnumerateObject())
                {
                    values[setting.Name] = setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString()! : setting.Value.GetRawText();
                }

                if (formatter.Name is "message" or "html")
                {
                    WarnUnknown(formatter.Value, $"formatters.{formatter.Name}.", ["outputFilePath"]);
                }

                result[formatter.Name] = new FormatterSettings(String(formatter.Value, $"formatters.{formatter.Name}.outputFilePath"), values);
            }

            return result;
        }

        private static string Leaf(string key) => key[(key.LastIndexOf('.') + 1)..];
    }
}
