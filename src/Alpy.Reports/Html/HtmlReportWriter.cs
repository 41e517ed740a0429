using System.Text;
using Alpy.Reports.IO;
using Alpy.Reports.Messages;

namespace Alpy.Reports.Html;

/// <summary>
/// Writes the official Cucumber HTML report: the formatter's template filled with its CSS, its script
/// and the message stream, envelope by envelope, as the formatter's own CucumberHtmlStream does. The page
/// appears at its path only after <see cref="CompleteAsync"/>.
/// </summary>
internal sealed class HtmlReportWriter : IAsyncDisposable
{
    private static readonly byte[] Comma = ","u8.ToArray();
    private readonly HtmlFormatterAssets _assets;
    private readonly AtomicFile _file;
    private readonly EnvelopeJson _json = EnvelopeJson.ForScript();
    private bool _first = true;

    private HtmlReportWriter(HtmlFormatterAssets assets, AtomicFile file)
    {
        _assets = assets;
        _file = file;
    }

    public string Path => _file.Path;

    public static async Task<HtmlReportWriter> CreateAsync(string path, HtmlFormatterAssets assets, string title, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var file = AtomicFile.Create(path);
        var writer = new HtmlReportWriter(assets, file);
        try
        {
            var head = assets.Template.Head(System.Net.WebUtility.HtmlEncode(title), assets.Icon, assets.Css, ReportBanner.Css);
            await writer.WriteTextAsync(head, cancellationToken).ConfigureAwait(false);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task WriteAsync(Envelope envelope, CancellationToken cancellationToken = default)
    {
        if (!_first)
        {
            await _file.Stream.WriteAsync(Comma, cancellationToken).ConfigureAwait(false);
        }

        _first = false;
        await _file.Stream.WriteAsync(_json.Serialize(envelope), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the formatter's script and the banner script, and puts the page in place.</summary>
    public async Task CompleteAsync(string customScript, CancellationToken cancellationToken = default)
    {
        await WriteTextAsync(_assets.Template.Tail(_assets.Script, customScript), cancellationToken).ConfigureAwait(false);
        await _file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _json.Dispose();
        return _file.DisposeAsync();
    }

    private async Task WriteTextAsync(string text, CancellationToken cancellationToken) =>
        await _file.Stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
}
