using System.Text;
using Alpy.Reports.IO;
using Alpy.Reports.Messages;
using Cucumber.HtmlFormatter;
using Envelope = Io.Cucumber.Messages.Types.Envelope;

namespace Alpy.Reports.Html;

/// <summary>
/// Writes the official Cucumber HTML report with Cucumber.HtmlFormatter's <see cref="MessagesToHtmlWriter"/> (as
/// Reqnroll's own html formatter does), envelope by envelope, into a file that appears at its path only after
/// <see cref="CompleteAsync"/>. Our additions go through the formatter's own slots: the page title, the banner's
/// CSS, and the banner's script, which is known only once the whole run has been read.
/// </summary>
internal sealed class HtmlReportWriter : IAsyncDisposable
{
    private readonly AtomicFile _file;
    private readonly HtmlReportSettings _settings;
    private readonly MessagesToHtmlWriter _writer;

    private HtmlReportWriter(AtomicFile file, HtmlReportSettings settings)
    {
        _file = file;
        _settings = settings;
        // The formatter closes its writer when done; leaveOpen keeps the file ours, to put in place or delete.
        var text = new StreamWriter(file.Stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        _writer = new MessagesToHtmlWriter(text, static (writer, envelope) => writer.WriteAsync(CucumberJson.Serialize(envelope)), settings);
    }

    public string Path => _file.Path;

    /// <param name="path">Where the page goes.</param>
    /// <param name="title">The page's title, plain text (HTML-encoded here: the formatter writes it as it is).</param>
    public static HtmlReportWriter Create(string path, string title) =>
        new(AtomicFile.Create(path), new HtmlReportSettings { Title = System.Net.WebUtility.HtmlEncode(title), CustomCss = ReportBanner.Css });

    /// <summary>Adds one envelope to the page (the formatter escapes '&lt;', so nothing in a message can end the script).</summary>
    public Task WriteAsync(Envelope envelope) => _writer.WriteAsync(envelope);

    /// <summary>Writes the formatter's script and then <paramref name="customScript"/>, and puts the page in place.</summary>
    public async Task CompleteAsync(string customScript, CancellationToken cancellationToken = default)
    {
        // The formatter reads its settings' CustomScript when it writes the page's end (pinned by HtmlReportWriterTests).
        _settings.CustomScript = customScript;
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
