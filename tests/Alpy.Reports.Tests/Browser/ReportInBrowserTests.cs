using System.Text.Json;
using Alpy.Reports.Attachments;
using Alpy.Reports.Index;
using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;
using Microsoft.Playwright;

namespace Alpy.Reports.Tests.Browser;

/// <summary>
/// Opens a generated report in headless Chromium and checks what a reader sees: every feature's name,
/// every scenario's status, evidence (a text excerpt shown, a pcap downloadable byte for byte), and the
/// run banner; saves a screenshot. By default the report is made here from a stream this test writes;
/// set ALPY_REPORT_DIR to a run folder (e.g. reports/latest after .ci/run) to check the real suite's report.
/// </summary>
public sealed class ReportInBrowserTests : IDisposable
{
    public const string ReportDirectoryVariable = "ALPY_REPORT_DIR";
    public const string ScreenshotDirectoryVariable = "ALPY_SCREENSHOT_DIR";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    [Trait("Category", "browser")]
    public async Task Given_a_report_When_opened_in_Chromium_Then_features_scenario_statuses_and_evidence_are_rendered() =>
        await CheckInBrowserAsync(await RunDirectoryAsync(), "report.png");

    [Fact]
    [Trait("Category", "browser")]
    public async Task Given_a_report_merged_from_shards_When_opened_in_Chromium_Then_it_renders_like_one_run()
    {
        // Given: Reqnroll's three shards of a suite, merged into one report
        var result = await new ReportBuilder().BuildAsync(new ReportRequest
        {
            Streams = ReqnrollStreams.Shards,
            ReportsDirectory = _temp.File("reports"),
            RunId = "merged",
            ExpectedShards = 3,
            Attachments = AttachmentPolicy.Default with { InlineLimitBytes = 1024, InlineTextLimitBytes = 1024, TextExcerptChars = 256 },
        }, TestContext.Current.CancellationToken);
        result.Run.Scenarios.Should().HaveCount(18);

        // When, Then
        await CheckInBrowserAsync(result.RunDirectory, "merged-report.png");
    }

    [Fact]
    [Trait("Category", "browser")]
    public async Task Given_the_run_index_When_opened_Then_its_links_resolve_and_the_failures_link_hides_passed_scenarios()
    {
        // Given
        var stream = _temp.File("messages.ndjson");
        TestReports.SuiteWithEvidence(new byte[400 * 1024]).Write(stream);
        var result = await TestReports.WriteAsync(stream, _temp.File("reports"), "index-test");
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        // When
        await page.GotoAsync(new Uri(result.IndexPath).AbsoluteUri);

        // Then: the verdict, the totals line and links that all lead somewhere
        (await page.Locator(".closing").InnerTextAsync()).Should().Be(result.Run.Totals.ToClosingLine());
        var links = await page.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        links.Should().Contain(l => l.EndsWith("/report.html", StringComparison.Ordinal)).And.Contain(l => l.EndsWith("/junit.xml", StringComparison.Ordinal))
            .And.Contain(l => l.EndsWith("/messages.ndjson", StringComparison.Ordinal)).And.Contain(l => l.EndsWith("/artifacts/", StringComparison.Ordinal));
        foreach (var link in links.Select(l => new Uri(l)).Where(u => u.IsFile))
        {
            Path.Exists(link.LocalPath).Should().BeTrue($"the index links {link}");
        }

        // Then: the failures link opens the report on the scenarios that did not pass
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the report on these scenarios only" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Scenarios" }).WaitForAsync();
        await ExpandEveryFeatureAsync(page);
        await Expect(page.Locator("h2 .highlight").GetByText("ICMP through the DUT is blocked", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("h2 .highlight").GetByText("Rate limit", new() { Exact = true })).ToBeVisibleAsync();
        (await page.Locator("h2 .highlight").GetByText("Ping the DUT", new() { Exact = true }).CountAsync()).Should().Be(0, "passed scenarios are hidden");
    }

    private static async Task CheckInBrowserAsync(string runDirectory, string screenshot)
    {
        var run = await Runs.ReadAsync(Path.Combine(runDirectory, RunFolderLayout.Messages));
        run.Features.Should().NotBeEmpty("a report of nothing proves nothing");

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        // When
        await page.GotoAsync(new Uri(Path.Combine(runDirectory, RunFolderLayout.Html)).AbsoluteUri);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Scenarios" }).WaitForAsync();
        await SaveScreenshotAsync(page, "top-" + screenshot, fullPage: false);
        await ExpandEveryFeatureAsync(page);

        // Then: the banner names the run and its verdict
        var banner = page.Locator(".alpy-banner");
        (await banner.InnerTextAsync()).Should().Contain(run.Status == RunStatus.Incomplete ? "INCOMPLETE" : run.Status.ToString().ToUpperInvariant());

        // Then: every feature is there by name
        foreach (var feature in run.Features)
        {
            await Expect(page.GetByRole(AriaRole.Heading).Filter(new() { HasText = feature.Name }).First).ToBeVisibleAsync();
        }

        // Then: every scenario shows the status the stream gives it (outline rows are checked by the totals below)
        var rendered = await RenderedScenariosAsync(page);
        foreach (var scenario in run.Scenarios.Where(s => s.DisplayName == s.Name && s.Ran))
        {
            rendered.Should().ContainKey(scenario.Name);
            rendered[scenario.Name].Should().Contain(Protocol(scenario.Status), $"'{scenario.Name}' is {scenario.Status.ToWord()}");
            Worst(rendered[scenario.Name]).Should().Be(Protocol(scenario.Status));
        }

        // Then: the status filter counts the scenarios as the stream does
        if (run.Scenarios.Select(s => s.Status).Distinct().Count() > 1)
        {
            foreach (var status in run.Scenarios.Select(s => s.Status).Distinct().Where(s => s != TestStatus.Unknown))
            {
                var count = page.Locator($"span[data-status='{Protocol(status)}'] strong").First;
                (await count.InnerTextAsync()).Should().Be(run.ScenarioCounts[status].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        // Then: the failing step's message is shown
        foreach (var failed in run.Scenarios.Where(s => s.Status == TestStatus.Failed).Take(5))
        {
            await Expect(page.GetByText(FailureText.FirstLine(failed.DecisiveStep!.Message)!).First).ToBeVisibleAsync();
        }

        // Then: evidence is rendered (last: opening a file may leave the page)
        errors.Should().BeEmpty("the report's script must run without errors");
        await SaveScreenshotAsync(page, screenshot);
        await CheckEvidenceAsync(page, run, runDirectory);
    }

    private async Task<string> RunDirectoryAsync()
    {
        if (Environment.GetEnvironmentVariable(ReportDirectoryVariable) is { Length: > 0 } given)
        {
            var full = Path.GetFullPath(given);
            File.Exists(Path.Combine(full, RunFolderLayout.Html)).Should().BeTrue($"{ReportDirectoryVariable}={given} must be a run folder with {RunFolderLayout.Html}");
            return full;
        }

        // Reqnroll's own stream of a run with every status; its 1,500-byte link0.pcap leaves the page at a 1 KiB limit.
        var result = await TestReports.WriteAsync(ReqnrollStreams.Whole, _temp.File("reports"), "browser-test",
            AttachmentPolicy.Default with { InlineLimitBytes = 1024, InlineTextLimitBytes = 1024, TextExcerptChars = 256 });
        return result.RunDirectory;
    }

    private static async Task ExpandEveryFeatureAsync(IPage page)
    {
        var collapsed = page.Locator("button[slot='trigger'][aria-expanded='false']");
        while (await collapsed.CountAsync() > 0)
        {
            await collapsed.First.ClickAsync();
        }

        // Passed hooks (where the suite collects each scenario's evidence) fold behind "N hooks".
        var hooks = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^\d+ hooks$") });
        while (await hooks.CountAsync() > 0)
        {
            await hooks.First.ClickAsync();
        }
    }

    private static async Task<Dictionary<string, string[]>> RenderedScenariosAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => Array.from(document.querySelectorAll('h2'))
              .filter(h => h.querySelector('.highlight') && h.textContent.startsWith('Scenario'))
              .map(h => ({ name: h.querySelector('.highlight').textContent,
                           statuses: Array.from(h.closest('section').querySelectorAll('li[data-status]')).map(li => li.getAttribute('data-status')) }))
            """);
        return json.EnumerateArray()
            .GroupBy(e => e.GetProperty("name").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("statuses").EnumerateArray().Select(s => s.GetString()!).ToArray());
    }

    private static async Task CheckEvidenceAsync(IPage page, RunResult run, string runDirectory)
    {
        var attachments = run.Scenarios.SelectMany(s => s.AllAttachments).ToList();
        attachments.Should().NotBeEmpty("the suite attaches evidence (console excerpts, captures, logs) to its scenarios");

        var text = attachments.FirstOrDefault(a => a.MediaType is "text/plain" or "text/x.cucumber.log+plain" && a.Url is null);
        if (text is not null)
        {
            var body = await FirstTextBodyAsync(runDirectory, text.MediaType);
            await ShowAttachedTextAsync(page);
            await Expect(page.GetByText(body.Trim().Split('\n')[0].Trim()).First).ToBeAttachedAsync();
        }

        var file = run.Scenarios
            .SelectMany(s => s.AllAttachments.Select(a => (Scenario: s, Attachment: a)))
            .FirstOrDefault(x => x.Attachment.Url is { } url && !url.Contains("://", StringComparison.Ordinal) && x.Attachment.FileName is not null && x.Scenario.DisplayName == x.Scenario.Name)
            .Attachment;
        if (file is not null)
        {
            var scenario = run.Scenarios.First(s => s.AllAttachments.Contains(file));
            var expected = Path.Combine(runDirectory, Uri.UnescapeDataString(file.Url!));
            File.Exists(expected).Should().BeTrue($"the report links {file.Url}, which must be in the run folder");
            var section = page.Locator("section:not(:has(section))").Filter(new() { Has = page.Locator("h2 .highlight").GetByText(scenario.Name, new() { Exact = true }) });
            var button = section.GetByRole(AriaRole.Button, new() { Name = $"Download {file.FileName}" }).First;
            await Expect(button).ToBeVisibleAsync();

            // A pcap downloads; a type the browser can show (a PDF, say) may open instead, since file:// pages
            // cannot force a download. Either way the reader gets the very file.
            var download = page.WaitForDownloadAsync();
            var opened = page.WaitForURLAsync(url => url.EndsWith(file.Url!, StringComparison.Ordinal));
            await button.ClickAsync();
            // A download aborts the page's navigation, which fails the URL wait: that is a download, not an opened file.
            if (await Task.WhenAny(download, opened) == download || opened.IsFaulted)
            {
                (await File.ReadAllBytesAsync(await (await download).PathAsync(), TestContext.Current.CancellationToken))
                    .Should().Equal(await File.ReadAllBytesAsync(expected, TestContext.Current.CancellationToken), "the download is the evidence file itself");
            }
            else
            {
                new Uri(page.Url).LocalPath.Should().Be(expected);
            }
        }

        (text ?? file).Should().NotBeNull("some evidence must be a text excerpt or a downloadable file");
    }

    // Plain-text attachments are folded under "Attached Text (...)": open them as a reader would.
    private static async Task ShowAttachedTextAsync(IPage page)
    {
        var summaries = page.Locator("details:not([open]) > summary");
        var count = await summaries.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await summaries.Nth(0).ClickAsync();
        }
    }

    private static async Task<string> FirstTextBodyAsync(string runDirectory, string mediaType)
    {
        await foreach (var envelope in new Alpy.Reports.Messages.MessageStreamReader(Path.Combine(runDirectory, RunFolderLayout.Messages)).ReadAllAsync(TestContext.Current.CancellationToken))
        {
            if (envelope.Envelope.Attachment is { Url: null } attachment && attachment.MediaType == mediaType)
            {
                var body = attachment.Body ?? "";
                return attachment.ContentEncoding == Io.Cucumber.Messages.Types.AttachmentContentEncoding.BASE64 ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body)) : body;
            }
        }

        throw new InvalidOperationException("no text attachment in the stream");
    }

    // The first screen as a reader opens it (for the README), and the whole page with everything unfolded.
    private static async Task SaveScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage });
        var folder = Environment.GetEnvironmentVariable(ScreenshotDirectoryVariable) is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes, TestContext.Current.CancellationToken);
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }

    private static string Protocol(TestStatus status) => status.ToString().ToUpperInvariant();

    private static string Worst(IEnumerable<string> statuses) =>
        Protocol(statuses.Select(s => TestStatusExtensions.Parse(s)).DefaultIfEmpty(TestStatus.Unknown).Max());

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
