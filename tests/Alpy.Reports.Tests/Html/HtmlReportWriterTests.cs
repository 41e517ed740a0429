using System.Text.Json.Nodes;
using Alpy.Reports.Html;
using Alpy.Reports.Messages;
using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Html;

public sealed class HtmlReportWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_messages_When_written_Then_the_official_template_holds_them_as_a_script_array_in_order()
    {
        var assets = await HtmlFormatterAssets.LocateAsync(cancellationToken: TestContext.Current.CancellationToken);
        var path = _temp.File("report.html");

        await using (var writer = await HtmlReportWriter.CreateAsync(path, assets, "Alpy <Specs>", TestContext.Current.CancellationToken))
        {
            await writer.WriteAsync(new Envelope("meta", new JsonObject { ["protocolVersion"] = "1" }), TestContext.Current.CancellationToken);
            await writer.WriteAsync(new Envelope("testRunStarted", new JsonObject { ["id"] = "r" }), TestContext.Current.CancellationToken);
            await writer.CompleteAsync(ReportBanner.Script("Alpy", "run-1", "index.html", RunStatus.Passed, []), TestContext.Current.CancellationToken);
        }

        var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        html.Contains("window.CUCUMBER_MESSAGES = [{\"meta\":{\"protocolVersion\":\"1\"}},{\"testRunStarted\":{\"id\":\"r\"}}];", StringComparison.Ordinal).Should().BeTrue();
        html.Contains("<title>Alpy &lt;Specs&gt;</title>", StringComparison.Ordinal).Should().BeTrue();
        html.Contains(assets.Script, StringComparison.Ordinal).Should().BeTrue("the formatter's script is embedded whole");
        html.Contains(assets.Css, StringComparison.Ordinal).Should().BeTrue("the formatter's CSS is embedded whole");
        foreach (var placeholder in new[] { "{{title}}", "{{icon}}", "{{css}}", "{{custom_css}}", "{{messages}}", "{{script}}", "{{custom_script}}" })
        {
            html.Contains(placeholder, StringComparison.Ordinal).Should().BeFalse($"{placeholder} is filled");
        }
    }

    [Fact]
    public async Task Given_a_message_holding_a_closing_script_tag_When_written_Then_it_cannot_end_the_script()
    {
        var assets = await HtmlFormatterAssets.LocateAsync(cancellationToken: TestContext.Current.CancellationToken);
        var path = _temp.File("report.html");
        var hostile = "</script><script>alert('x')</script><!--";

        await using (var writer = await HtmlReportWriter.CreateAsync(path, assets, "t", TestContext.Current.CancellationToken))
        {
            await writer.WriteAsync(new Envelope("attachment", new JsonObject { ["body"] = hostile, ["mediaType"] = "text/plain" }), TestContext.Current.CancellationToken);
            await writer.CompleteAsync(ReportBanner.Script("t", hostile, "index.html", RunStatus.Failed, [hostile]), TestContext.Current.CancellationToken);
        }

        var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        html.Contains(hostile, StringComparison.Ordinal).Should().BeFalse("a '<' from the stream never reaches the page raw");
        html.Contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert", StringComparison.Ordinal).Should().BeTrue();
    }

    [Fact]
    public async Task Given_a_writer_that_is_not_completed_When_disposed_Then_no_report_appears()
    {
        var assets = await HtmlFormatterAssets.LocateAsync(cancellationToken: TestContext.Current.CancellationToken);
        var path = _temp.File("report.html");

        await using (var writer = await HtmlReportWriter.CreateAsync(path, assets, "t", TestContext.Current.CancellationToken))
        {
            await writer.WriteAsync(new Envelope("meta", []), TestContext.Current.CancellationToken);
        }

        File.Exists(path).Should().BeFalse("a half-written page must never look like a report");
        Directory.EnumerateFileSystemEntries(_temp.Path).Should().BeEmpty("the temporary file is removed too");
    }
}
