using System.Text.Json;

namespace Alpy.Reports.Html;

/// <summary>
/// The official Cucumber HTML formatter's assets (npm package <c>@cucumber/html-formatter</c>, pinned):
/// the page template <c>dist/src/index.mustache</c>, which a report fills with <c>dist/main.css</c>,
/// <c>dist/main.js</c> (the React application), the icon and the message stream.
/// </summary>
public sealed class HtmlFormatterAssets
{
    /// <summary>The version pinned in html-formatter/package.json; the template's placeholders are checked against it.</summary>
    public const string PinnedVersion = "24.2.0";

    /// <summary>Names a package folder to use instead of the pinned one (explicit choice: a version mismatch is allowed).</summary>
    public const string EnvironmentVariable = "ALPY_HTML_FORMATTER_DIR";

    /// <summary>Where scripts/install-prerequisites installs the package, relative to the repository.</summary>
    public const string RepositoryRelativePath = "src/Alpy.Reports/html-formatter/node_modules/@cucumber/html-formatter";

    internal const string Fix =
        "Run scripts/install-prerequisites (it runs `npm ci` in src/Alpy.Reports/html-formatter), " +
        $"or set {EnvironmentVariable} to a folder holding @cucumber/html-formatter's package.json and dist/.";

    private HtmlFormatterAssets(string directory, string version, HtmlTemplate template, string css, string script, string icon)
    {
        Directory = directory;
        Version = version;
        Template = template;
        Css = css;
        Script = script;
        Icon = icon;
    }

    /// <summary>The package folder the assets came from.</summary>
    public string Directory { get; }

    public string Version { get; }

    internal HtmlTemplate Template { get; }

    internal string Css { get; }

    internal string Script { get; }

    internal string Icon { get; }

    /// <summary>
    /// Finds and loads the assets: <paramref name="explicitDirectory"/>, else $ALPY_HTML_FORMATTER_DIR,
    /// else the copy beside this program (html-formatter/), else the repository's npm folder above the
    /// program or the working directory.
    /// </summary>
    public static async Task<HtmlFormatterAssets> LocateAsync(string? explicitDirectory = null, CancellationToken cancellationToken = default)
    {
        var chosen = explicitDirectory ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return await LoadAsync(chosen, requirePinnedVersion: false, cancellationToken).ConfigureAwait(false);
        }

        var candidates = Candidates().ToList();
        foreach (var candidate in candidates.Where(c => File.Exists(Path.Combine(c, "package.json"))))
        {
            return await LoadAsync(candidate, requirePinnedVersion: true, cancellationToken).ConfigureAwait(false);
        }

        throw new ReportException(
            $"The Cucumber HTML formatter (@cucumber/html-formatter {PinnedVersion}) is not installed. Looked in: " +
            string.Join(", ", candidates) + ". " + Fix);
    }

    /// <summary>Loads the assets of one package folder, checking that every file and placeholder is there.</summary>
    public static async Task<HtmlFormatterAssets> LoadAsync(string directory, bool requirePinnedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        var version = await ReadVersionAsync(full, cancellationToken).ConfigureAwait(false);
        if (requirePinnedVersion && version != PinnedVersion)
        {
            throw new ReportException(
                $"{full} holds @cucumber/html-formatter {version}, but this project pins {PinnedVersion}. " + Fix);
        }

        var template = await ReadAsync(full, "dist/src/index.mustache", cancellationToken).ConfigureAwait(false);
        return new HtmlFormatterAssets(full, version,
            HtmlTemplate.Parse(template, Path.Combine(full, "dist/src/index.mustache")),
            await ReadAsync(full, "dist/main.css", cancellationToken).ConfigureAwait(false),
            await ReadAsync(full, "dist/main.js", cancellationToken).ConfigureAwait(false),
            (await ReadAsync(full, "dist/src/icon.url", cancellationToken).ConfigureAwait(false)).Trim());
    }

    private static IEnumerable<string> Candidates()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "html-formatter");
        var starts = new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() };
        foreach (var start in starts.Distinct(StringComparer.Ordinal))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.Directory.Exists(Path.Combine(dir.FullName, "src", "Alpy.Reports")))
                {
                    yield return Path.Combine(dir.FullName, RepositoryRelativePath);
                    break;
                }
            }
        }
    }

    private static async Task<string> ReadVersionAsync(string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, "package.json");
        try
        {
            await using var stream = File.OpenRead(path);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return json.RootElement.TryGetProperty("version", out var v) && v.GetString() is { } version
                ? version
                : throw new ReportException($"{path} has no version: it is not an npm package.json. " + Fix);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportException($"Cannot read {path}: {e.Message} " + Fix, e);
        }
        catch (JsonException e)
        {
            throw new ReportException($"{path} is not valid JSON ({e.Message}). " + Fix, e);
        }
    }

    private static async Task<string> ReadAsync(string directory, string relative, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, relative);
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportException($"The HTML formatter in {directory} is incomplete: cannot read {relative} ({e.Message}). " + Fix, e);
        }
    }
}
