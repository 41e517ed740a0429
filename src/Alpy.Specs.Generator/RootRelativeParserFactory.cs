using System;
using System.Globalization;
using System.IO;
using Gherkin;
using Reqnroll.Parser;

namespace Alpy.Specs.Generator;

/// <summary>
/// Reqnroll's Gherkin parser, with each feature's folder taken relative to a root folder (the repository) instead of
/// the project. Reqnroll names a feature in its messages by its path relative to the project, so features linked from
/// the repository's features/ would read <c>../../features/nat.feature</c> in every report; with the root, they read
/// <c>features/nat.feature</c>. Features outside the root keep Reqnroll's path.
/// </summary>
public sealed class RootRelativeParserFactory(IGherkinParserFactory inner, string root) : IGherkinParserFactory
{
    public IGherkinParser Create(IGherkinDialectProvider dialectProvider) => new Parser(inner.Create(dialectProvider), root);

    public IGherkinParser Create(CultureInfo cultureInfo) => new Parser(inner.Create(cultureInfo), root);

    /// <summary>The folder of <paramref name="featureFile"/> relative to <paramref name="root"/>, with '/', or null when outside it.</summary>
    public static string? RelativeFolder(string root, string featureFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(featureFile))!;
        var rootUri = new Uri(Path.GetFullPath(root).TrimEnd('/', '\\') + "/");
        var relative = Uri.UnescapeDataString(rootUri.MakeRelativeUri(new Uri(folder.TrimEnd('/', '\\') + "/")).ToString()).TrimEnd('/');
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }

    private sealed class Parser(IGherkinParser inner, string root) : IGherkinParser
    {
        public IGherkinDialectProvider DialectProvider => inner.DialectProvider;

        public ReqnrollDocument Parse(TextReader featureFileReader, ReqnrollDocumentLocation documentLocation) =>
            inner.Parse(featureFileReader, RelativeFolder(root, documentLocation.SourceFilePath) is { } folder
                ? new ReqnrollDocumentLocation(documentLocation.SourceFilePath, folder)
                : documentLocation);
    }
}
