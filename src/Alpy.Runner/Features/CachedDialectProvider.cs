using System.Collections.Concurrent;
using System.Collections.Generic;
using Gherkin;
using Gherkin.Ast;

namespace Alpy.Runner.Features;

/// <summary>
/// Gherkin 5's dialect provider parses its whole table of languages (a large JSON resource) on
/// every construction and lookup; this one parses it once per process and keeps each dialect,
/// which makes parsing a suite of features a matter of milliseconds.
/// </summary>
internal sealed class CachedDialectProvider : GherkinDialectProvider
{
    private static readonly ConcurrentDictionary<string, CachedDialectProvider> Providers = new();
    private static readonly ConcurrentDictionary<string, GherkinDialect> Dialects = new();
    private static Dictionary<string, GherkinLanguageSetting>? settings;

    private CachedDialectProvider(string defaultLanguage)
        : base(defaultLanguage)
    {
    }

    /// <summary>The provider whose default dialect is <paramref name="defaultLanguage"/> (a Gherkin language code).</summary>
    public static CachedDialectProvider For(string defaultLanguage) => Providers.GetOrAdd(defaultLanguage, language => new CachedDialectProvider(language));

    public override GherkinDialect GetDialect(string language, Location? location) =>
        Dialects.TryGetValue(language, out var dialect) ? dialect : Dialects.GetOrAdd(language, base.GetDialect(language, location!));

    protected override Dictionary<string, GherkinLanguageSetting> LoadLanguageSettings() => settings ??= base.LoadLanguageSettings();
}
