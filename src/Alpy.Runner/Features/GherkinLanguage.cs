using Gherkin;

namespace Alpy.Runner.Features;

/// <summary>Maps a culture name from reqnroll.json (<c>en-US</c>, <c>de-AT</c>) to a Gherkin dialect.</summary>
internal static class GherkinLanguage
{
    /// <summary>The dialect for <paramref name="culture"/>: the exact name, else its language part, else English.</summary>
    public static GherkinDialect Resolve(string? culture, out string language)
    {
        var provider = CachedDialectProvider.For("en");
        foreach (var candidate in Candidates(culture))
        {
            try
            {
                var dialect = provider.GetDialect(candidate, null);
                language = candidate;
                return dialect;
            }
            catch (NoSuchLanguageException)
            {
                // try the next, shorter candidate
            }
        }

        language = "en";
        return provider.DefaultDialect;
    }

    /// <summary>The keyword type (Context, Action, Outcome, Conjunction or Unknown) of a step keyword.</summary>
    public static string KeywordType(GherkinDialect dialect, string keyword)
    {
        var types = new List<string>(2);
        if (dialect.GivenStepKeywords.Contains(keyword))
        {
            types.Add("Context");
        }

        if (dialect.WhenStepKeywords.Contains(keyword))
        {
            types.Add("Action");
        }

        if (dialect.ThenStepKeywords.Contains(keyword))
        {
            types.Add("Outcome");
        }

        if (dialect.AndStepKeywords.Contains(keyword) || dialect.ButStepKeywords.Contains(keyword))
        {
            types.Add("Conjunction");
        }

        return types.Count == 1 ? types[0] : "Unknown";
    }

    private static IEnumerable<string> Candidates(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            yield break;
        }

        yield return culture;
        yield return culture.ToLowerInvariant();
        var dash = culture.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            yield return culture[..dash].ToLowerInvariant();
        }
    }
}
