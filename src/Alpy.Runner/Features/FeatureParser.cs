using Gherkin;
using Ast = Gherkin.Ast;

namespace Alpy.Runner.Features;

/// <summary>
/// Parses feature text with Cucumber's Gherkin 5 parser and turns it into a <see cref="FeatureFile"/>:
/// the modern message form of the syntax tree and the compiled pickles. A syntax error becomes a
/// <see cref="FeatureParseError"/> with the parser's message and position, never an exception.
/// </summary>
public static class FeatureParser
{
    /// <param name="uri">The path people see, e.g. <c>features/reroute.feature</c>.</param>
    /// <param name="source">The file's text.</param>
    /// <param name="defaultLanguage">reqnroll.json's <c>language.feature</c>; a <c># language:</c> line wins.</param>
    /// <param name="ids">Where ids come from.</param>
    public static FeatureFile Parse(string uri, string source, string? defaultLanguage, IIdGenerator ids)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ids);
        GherkinLanguage.Resolve(defaultLanguage, out var language);
        Ast.GherkinDocument ast;
        try
        {
            var parser = new Parser();
            using var reader = new StringReader(source);
            ast = parser.Parse(new TokenScanner(reader), new TokenMatcher(CachedDialectProvider.For(language)));
        }
        catch (CompositeParserException e)
        {
            return Failed(uri, source, e.Errors.First());
        }
        catch (ParserException e)
        {
            return Failed(uri, source, e);
        }

        var document = new GherkinDocumentBuilder(uri, source, ids).Build(ast);
        var feature = new FeatureFile(uri, source, document, null);
        feature.Scenarios = new PickleCompiler(feature, ids).Compile();
        return feature;
    }

    private static FeatureFile Failed(string uri, string source, ParserException error)
    {
        var line = error.Location?.Line ?? 1;
        var column = error.Location?.Column ?? 1;
        // Gherkin prefixes its message with "(line:column): "; the position is reported separately.
        var message = error.Message;
        var prefix = $"({line}:{column}): ";
        if (message.StartsWith(prefix, StringComparison.Ordinal))
        {
            message = message[prefix.Length..];
        }

        return new FeatureFile(uri, source, null, new FeatureParseError(uri, line, Math.Max(column, 1), message));
    }
}
