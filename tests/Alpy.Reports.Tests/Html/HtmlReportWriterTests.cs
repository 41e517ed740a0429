using System.Text.Json.Nodes;
using Alpy.Reports.Html;
using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;
using Cucumber.HtmlFormatter;

namespace Alpy.Reports.Tests.Html;

public sealed class HtmlReportWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_messages_When_written_Then_Cucumbers_page_holds_them_as_a_script_array_in_order_with_its_own_script_and_css()
    {
        var path = _temp.File("report.html");

        await using (var writer = HtmlReportWriter.Create(path, "Alpy <Specs>"))
        {
            await writer.WriteAsync(Json.Meta);
            await writer.WriteAsync(Json.Envelope(new JsonObject { ["testRunStarted"] = new JsonObject { ["id"] = "r", ["timestamp"] = new JsonObject { ["seconds"] = 1, ["nanos"] = 0 } } }));
            await writer.CompleteAsync(ReportBanner.Script("Alpy", "run-1", "index.html", RunStatus.Passed, []), TestContext.Current.CancellationToken);
        }

        var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        var defaults = new HtmlReportSettings();
        html.Should().Contain("window.CUCUMBER_MESSAGES = [" + Json.MetaLine + ",{\"testRunStarted\":{\"timestamp\":{\"seconds\":1,\"nanos\":0},\"id\":\"r\"}}];");
        html.Should().Contain("<title>Alpy &lt;Specs&gt;</title>", "the formatter writes the title as it is given, so it is given encoded");
        html.Should().Contain(defaults.JavascriptResourceLoader(), "the formatter's React application is embedded whole");
        html.Should().Contain(defaults.CssResourceLoader(), "the formatter's CSS is embedded whole");
        html.Should().Contain(ReportBanner.Css);
    }

    [Fact]
    public async Task Given_the_banner_script_set_after_the_messages_When_completed_Then_the_formatter_writes_it_after_its_own_script()
    {
        // Pins the extension point the banner relies on: HtmlReportSettings.CustomScript is read when the page's end
        // is written (the run's verdict is known only after its last message), and it follows the React application.
        var path = _temp.File("report.html");

        await using (var writer = HtmlReportWriter.Create(path, "t"))
        {
            await writer.WriteAsync(Json.Meta);
            await writer.CompleteAsync("window.ALPY_BANNER_PINNED = 1;", TestContext.Current.CancellationToken);
        }

        var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        html.IndexOf("window.ALPY_BANNER_PINNED = 1;", StringComparison.Ordinal)
            .Should().BeGreaterThan(html.IndexOf(new HtmlReportSettings().JavascriptResourceLoader(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_message_holding_a_closing_script_tag_When_written_Then_it_cannot_end_the_script()
    {
        var path = _temp.File("report.html");
        var hostile = "</script><script>alert('x')</script><!--";

        await using (var writer = HtmlReportWriter.Create(path, "t"))
        {
            await writer.WriteAsync(Json.Envelope(new JsonObject { ["attachment"] = new JsonObject { ["body"] = hostile, ["mediaType"] = "text/plain", ["contentEncoding"] = "IDENTITY" } }));
            await writer.CompleteAsync(ReportBanner.Script("t", hostile, "index.html", RunStatus.Failed, [hostile]), TestContext.Current.CancellationToken);
        }

        var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        html.Contains(hostile, StringComparison.Ordinal).Should().BeFalse("a '<' from the stream never reaches the page raw");
        html.Should().Contain("\\x3C/script>\\x3Cscript>alert", "the formatter escapes '<' in messages");
    }

    [Fact]
    public async Task Given_a_writer_that_is_not_completed_When_disposed_Then_no_report_appears()
    {
        var path = _temp.File("report.html");

        await using (var writer = HtmlReportWriter.Create(path, "t"))
        {
            await writer.WriteAsync(Json.Meta);
        }

        File.Exists(path).Should().BeFalse("a half-written page must never look like a report");
        Directory.EnumerateFileSystemEntries(_temp.Path).Should().BeEmpty("the temporary file is removed too");
    }
}
