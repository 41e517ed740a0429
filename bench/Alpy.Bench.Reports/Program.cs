// Reports benchmark: what large evidence costs a report, inline in the page or moved to files, and how
// fast reports and merges are for a large suite. Medians over several runs, each beside a reference
// measured in the same run: reading and analysing the stream alone (for writing reports), and the same
// report without evidence (for opening it in headless Chromium).
//
//   dotnet run -c Release --project bench/Alpy.Bench.Reports [-- --runs 5 --scenarios 200 --failing 10 --pcap-mib 4 --large 2000]
using System.Globalization;
using Alpy.Bench.Reports;
using Alpy.Reports;
using Alpy.Reports.Attachments;
using Alpy.Reports.Merge;
using Alpy.Reports.Messages;
using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;
using Microsoft.Playwright;

var settings = BenchSettings.Parse(args);
var root = Directory.CreateTempSubdirectory("alpy-bench-reports-").FullName;
try
{
    Console.WriteLine($"Reports benchmark: {settings.Runs} runs; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    var evidence = Path.Combine(root, "evidence.ndjson");
    var plain = Path.Combine(root, "plain.ndjson");
    Suites.Make(settings.Scenarios, settings.Failing, settings.PcapMib * 1024 * 1024).Write(evidence);
    Suites.Make(settings.Scenarios, settings.Failing, 0).Write(plain);
    Console.WriteLine($"Evidence suite: {settings.Scenarios} scenarios × 5 steps, {settings.Failing} failing with a {settings.PcapMib} MiB pcap each; stream {new FileInfo(evidence).Length / 1048576.0:0.0} MiB");

    var write = new Measurements();
    var open = new Measurements();
    var sizes = new Dictionary<string, long>();
    await using var chromium = await HeadlessChromium.LaunchAsync();

    // Warm-up, not recorded: JIT, file cache, browser start.
    await RunResultBuilder.ReadAsync(evidence);
    await OpenAsync(chromium, await ReportAsync(evidence, root, AttachmentPolicy.Default), new Measurements(), "warm-up", settings.Scenarios / 10);

    for (var run = 0; run < settings.Runs; run++)
    {
        await write.TimeAsync("ref: read + analyse the evidence stream", () => RunResultBuilder.ReadAsync(evidence));
        var inline = await write.TimeAsync("report, evidence inline", () => ReportAsync(evidence, root, AttachmentPolicy.AllInline));
        var files = await write.TimeAsync("report, evidence over 256 KiB as files (default)", () => ReportAsync(evidence, root, AttachmentPolicy.Default));
        var bare = await ReportAsync(plain, root, AttachmentPolicy.Default);
        sizes["report.html, evidence inline"] = new FileInfo(inline.HtmlPath).Length;
        sizes["report.html, evidence as files"] = new FileInfo(files.HtmlPath).Length;
        sizes["report.html, no evidence"] = new FileInfo(bare.HtmlPath).Length;

        await OpenAsync(chromium, bare, open, "without evidence (ref)", settings.Scenarios / 10);
        await OpenAsync(chromium, inline, open, "evidence inline", settings.Scenarios / 10);
        await OpenAsync(chromium, files, open, "evidence as files", settings.Scenarios / 10);
    }

    Console.WriteLine("Writing a report (ms):");
    write.Print("ms", new Dictionary<string, string>
    {
        ["report, evidence inline"] = "ref: read + analyse the evidence stream",
        ["report, evidence over 256 KiB as files (default)"] = "ref: read + analyse the evidence stream",
    });
    Console.WriteLine("Opening it in headless Chromium until every feature is rendered (ms), and the page's JavaScript heap (MiB):");
    open.Print("", new Dictionary<string, string>
    {
        ["open (ms), evidence inline"] = "open (ms), without evidence (ref)",
        ["open (ms), evidence as files"] = "open (ms), without evidence (ref)",
        ["JS heap (MiB), evidence inline"] = "JS heap (MiB), without evidence (ref)",
        ["JS heap (MiB), evidence as files"] = "JS heap (MiB), without evidence (ref)",
    });
    foreach (var (name, bytes) in sizes)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-58} {bytes / 1048576.0,10:0.0} MiB"));
    }

    await LargeAsync(settings, root);
}
finally
{
    Directory.Delete(root, recursive: true);
}

static Task<ReportResult> ReportAsync(string stream, string root, AttachmentPolicy policy) =>
    new ReportBuilder().BuildAsync(new ReportRequest { Streams = [stream], ReportsDirectory = Path.Combine(root, "reports", Guid.NewGuid().ToString("N")), Attachments = policy });

static async Task OpenAsync(HeadlessChromium chromium, ReportResult report, Measurements open, string name, int features)
{
    var page = await chromium.Browser.NewPageAsync();
    var cdp = await page.Context.NewCDPSessionAsync(page);
    await cdp.SendAsync("Performance.enable");
    await open.TimeAsync($"open (ms), {name}", async () =>
    {
        await page.GotoAsync(new Uri(report.HtmlPath).AbsoluteUri, new PageGotoOptions { Timeout = 120_000 });
        await page.Locator("button[slot='trigger']").Nth(features - 1).WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        return 0;
    });
    var metrics = await cdp.SendAsync("Performance.getMetrics");
    var heap = metrics!.Value.GetProperty("metrics").EnumerateArray().First(m => m.GetProperty("name").GetString() == "JSHeapUsedSize").GetProperty("value").GetDouble();
    open.Add($"JS heap (MiB), {name}", heap / 1048576.0);
    await page.CloseAsync();
}

static async Task LargeAsync(BenchSettings settings, string root)
{
    var suite = Suites.Make(settings.LargeScenarios, settings.LargeScenarios / 50, 0);
    var single = Path.Combine(root, "large.ndjson");
    suite.Write(single);
    var shards = suite.Shards(4).Select((uris, i) =>
    {
        var path = Path.Combine(root, $"large-shard-{i + 1}.ndjson");
        suite.Write(path, new FakeRunOptions { Runs = f => uris.Contains(f.Uri) });
        return path;
    }).ToList();

    var large = new Measurements();
    await ReportAsync(single, root, AttachmentPolicy.Default);
    for (var run = 0; run < settings.Runs; run++)
    {
        await large.TimeAsync("ref: read + analyse", () => RunResultBuilder.ReadAsync(single));
        await large.TimeAsync("report (HTML, NDJSON, JUnit, index)", () => ReportAsync(single, root, AttachmentPolicy.Default));
        await large.TimeAsync("merge 4 shards + report", () => new ReportBuilder().BuildAsync(new ReportRequest
        {
            Streams = shards,
            ExpectedShards = 4,
            ReportsDirectory = Path.Combine(root, "reports", Guid.NewGuid().ToString("N")),
        }));
    }

    Console.WriteLine($"Large suite: {settings.LargeScenarios} scenarios × 5 steps, stream {new FileInfo(single).Length / 1048576.0:0.0} MiB (ms):");
    large.Print("ms", new Dictionary<string, string>
    {
        ["report (HTML, NDJSON, JUnit, index)"] = "ref: read + analyse",
        ["merge 4 shards + report"] = "report (HTML, NDJSON, JUnit, index)",
    });
}
