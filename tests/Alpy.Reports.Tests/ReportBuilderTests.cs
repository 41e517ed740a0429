using System.Text.Json.Nodes;
using Alpy.Reports.Index;
using Alpy.Reports.Messages;
using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests;

public sealed class ReportBuilderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string ReportsFolder => _temp.File("reports");

    [Fact]
    public async Task Given_a_stream_When_reported_Then_the_run_folder_holds_report_stream_JUnit_summary_and_index()
    {
        var stream = _temp.File("messages.ndjson");
        FakeSuite.Lab().Write(stream);

        var result = await TestReports.WriteAsync(stream, ReportsFolder, "run-1");

        result.RunDirectory.Should().Be(Path.Combine(ReportsFolder, "runs", "run-1"));
        Directory.EnumerateFiles(result.RunDirectory).Select(Path.GetFileName).Should()
            .BeEquivalentTo("index.html", "report.html", "messages.ndjson", "junit.xml", "summary.json");
        result.Summary.Should().BeEquivalentTo(new { RunId = "run-1", Status = "failed" }, o => o.ExcludingMissingMembers());
        (result.Summary.Passed + result.Summary.Failed + result.Summary.Skipped).Should().Be(FakeSuite.Lab().ScenarioCount);
        var index = await File.ReadAllTextAsync(result.IndexPath, TestContext.Current.CancellationToken);
        index.Should().Contain("href=\"report.html\"").And.Contain("href=\"junit.xml\"").And.Contain("href=\"messages.ndjson\"")
            .And.Contain(result.Run.Totals.ToClosingLine()).And.Contain("Failed scenarios");
        new DirectoryInfo(Path.Combine(ReportsFolder, "latest")).LinkTarget.Should().Be("runs/run-1");
        (await File.ReadAllTextAsync(Path.Combine(ReportsFolder, "index.html"), TestContext.Current.CancellationToken))
            .Should().Contain("href=\"runs/run-1/index.html\"");
        Directory.EnumerateFileSystemEntries(result.RunDirectory, ".*").Should().BeEmpty("no temporary file is left");
    }

    [Fact]
    public async Task Given_a_large_pcap_When_reported_Then_the_run_and_the_published_stream_point_at_its_file()
    {
        var stream = _temp.File("messages.ndjson");
        var pcap = new byte[600 * 1024];
        new Random(3).NextBytes(pcap);
        TestReports.SuiteWithEvidence(pcap).Write(stream);

        var result = await TestReports.WriteAsync(stream, ReportsFolder, "pcap");

        var expected = new AttachmentInfo("application/vnd.tcpdump.pcap", "link0.pcap", pcap.Length, "artifacts/attachments/0001-link0.pcap");
        result.Run.Scenarios.SelectMany(s => s.AllAttachments).Should().ContainSingle(a => a.MediaType == "application/vnd.tcpdump.pcap").Which.Should().Be(expected);
        (await Runs.ReadAsync(result.MessagesPath)).Scenarios.SelectMany(s => s.AllAttachments).Should().ContainSingle(a => a.Url != null)
            .Which.Should().Be(expected with { SizeBytes = null }, "the published stream holds the link, not the bytes");
        (await File.ReadAllBytesAsync(Path.Combine(result.RunDirectory, "artifacts/attachments/0001-link0.pcap"), TestContext.Current.CancellationToken)).Should().Equal(pcap);
        result.Run.FailedScenarios.First().AllAttachments.Select(a => a.Describe()).Should().Contain("link0.pcap (application/vnd.tcpdump.pcap, 600 KiB) → artifacts/attachments/0001-link0.pcap");
    }

    [Fact]
    public async Task Given_the_published_stream_When_read_again_Then_it_says_what_the_input_said()
    {
        var stream = RepositoryPaths.CckStream("examples-tables");

        var result = await TestReports.WriteAsync(stream, ReportsFolder);

        var again = await Runs.ReadAsync(result.MessagesPath);
        again.Totals.Should().Be(result.Run.Totals);
        again.Scenarios.Select(s => (s.DisplayName, s.Status)).Should().Equal(result.Run.Scenarios.Select(s => (s.DisplayName, s.Status)));
    }

    [Fact]
    public async Task Given_two_runs_When_reported_Then_the_index_lists_both_and_latest_points_at_the_second()
    {
        var stream = _temp.File("messages.ndjson");
        FakeSuite.Lab(2).Write(stream);

        await TestReports.WriteAsync(stream, ReportsFolder, "first");
        await TestReports.WriteAsync(RepositoryPaths.CckStream("minimal"), ReportsFolder, "second");

        var index = await File.ReadAllTextAsync(Path.Combine(ReportsFolder, "index.html"), TestContext.Current.CancellationToken);
        index.Should().Contain("runs/first/index.html").And.Contain("runs/second/index.html");
        index.IndexOf("runs/second/", StringComparison.Ordinal).Should().BeLessThan(index.IndexOf("runs/first/", StringComparison.Ordinal), "newest first");
        new DirectoryInfo(Path.Combine(ReportsFolder, "latest")).LinkTarget.Should().Be("runs/second");
    }

    [Fact]
    public async Task Given_the_lab_wrote_evidence_and_timings_to_the_run_folder_When_reported_there_Then_the_index_shows_them()
    {
        // Given: the lab's run folder, with its pcap, console log and lab.json (as Alpy.Lab writes it)
        var runDirectory = _temp.File("reports/runs/lab007");
        Directory.CreateDirectory(runDirectory);
        await File.WriteAllBytesAsync(Path.Combine(runDirectory, "link0.pcap"), new byte[2048], TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(runDirectory, "console.log"), "login:", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(runDirectory, "lab.json"), LabJson("lab007", DateTimeOffset.FromUnixTimeSeconds(1_700_000_001)), TestContext.Current.CancellationToken);
        var stream = Path.Combine(runDirectory, "raw.ndjson");
        FakeSuite.Lab(1).Write(stream);

        // When
        var result = await new ReportBuilder().BuildAsync(new ReportRequest { Streams = [stream], ReportsDirectory = ReportsFolder, RunDirectory = runDirectory }, TestContext.Current.CancellationToken);

        // Then
        result.RunDirectory.Should().Be(runDirectory);
        var index = await File.ReadAllTextAsync(result.IndexPath, TestContext.Current.CancellationToken);
        index.Should().Contain("Lab run <a href=\"./\"><code>lab007</code></a>").And.Contain("DUT rabbit").And.Contain("2 links")
            .And.Contain("bring-up: tools image").And.Contain("<td class=\"n\">2610</td>").And.Contain("DUT reset (median of 3, slowest 400 ms)")
            .And.Contain("teardown (2 steps)").And.Contain("qemu exited late");
        index.Should().Contain("href=\"link0.pcap\"").And.Contain("2 KiB").And.Contain("href=\"console.log\"");
        result.Warnings.Should().BeEmpty();
        File.Exists(Path.Combine(runDirectory, "link0.pcap")).Should().BeTrue("the lab's evidence is left as it was");
    }

    [Fact]
    public async Task Given_lab_run_folders_beside_the_report_When_reported_Then_the_labs_that_ran_during_the_run_are_linked_and_others_not()
    {
        // Given: two lab runs in reports/runs: one started during the test run (the fake run starts at 1_700_000_000), one a day later
        foreach (var (id, started) in new[] { ("during", 1_700_000_002L), ("later", 1_700_086_400L) })
        {
            Directory.CreateDirectory(_temp.File($"reports/runs/{id}"));
            await File.WriteAllTextAsync(_temp.File($"reports/runs/{id}/lab.json"), LabJson(id, DateTimeOffset.FromUnixTimeSeconds(started)), TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(_temp.File($"reports/runs/{id}/link1.pcap"), new byte[10], TestContext.Current.CancellationToken);
        }

        var stream = _temp.File("messages.ndjson");
        FakeSuite.Lab(2).Write(stream);

        // When
        var result = await TestReports.WriteAsync(stream, ReportsFolder, "report-1");

        // Then
        var index = await File.ReadAllTextAsync(result.IndexPath, TestContext.Current.CancellationToken);
        index.Should().Contain("Lab run <a href=\"../during/\"><code>during</code></a>").And.Contain("href=\"../during/link1.pcap\"");
        index.Should().NotContain("later");
    }

    [Fact]
    public async Task Given_more_runs_than_kept_When_a_run_is_reported_Then_the_oldest_go_with_the_labs_only_they_show_and_the_index_lists_what_is_left()
    {
        // Given: three runs an hour apart, each with the lab that ran during it, and evidence of a failed scenario in each
        var ids = new[] { "run-1", "run-2", "run-3" };
        for (var i = 0; i < ids.Length; i++)
        {
            var started = 1_700_000_000L + i * 3600;
            var lab = $"lab00{i + 1}";
            Directory.CreateDirectory(_temp.File($"reports/runs/{lab}"));
            await File.WriteAllTextAsync(_temp.File($"reports/runs/{lab}/lab.json"), LabJson(lab, DateTimeOffset.FromUnixTimeSeconds(started + 2)), TestContext.Current.CancellationToken);
            var stream = _temp.File($"{ids[i]}.ndjson");
            TestReports.SuiteWithEvidence(new byte[400 * 1024]).Write(stream, new FakeRunOptions { StartSeconds = started });

            // When: each is reported keeping 2 runs
            await new ReportBuilder().BuildAsync(new ReportRequest { Streams = [stream], ReportsDirectory = ReportsFolder, RunId = ids[i], KeepRuns = 2 },
                TestContext.Current.CancellationToken);
        }

        // Then: the oldest run and its lab are gone; the kept runs, their labs and every file their pages link to remain
        Directory.EnumerateDirectories(Path.Combine(ReportsFolder, "runs")).Select(Path.GetFileName).Should()
            .BeEquivalentTo(["run-2", "run-3", "lab002", "lab003"]);
        var index = await File.ReadAllTextAsync(Path.Combine(ReportsFolder, "index.html"), TestContext.Current.CancellationToken);
        index.Should().Contain("runs/run-3/").And.Contain("runs/run-2/").And.NotContain("run-1");
        foreach (var run in new[] { "run-2", "run-3" })
        {
            var folder = Path.Combine(ReportsFolder, "runs", run);
            LocalLinks(await File.ReadAllTextAsync(Path.Combine(folder, "index.html"), TestContext.Current.CancellationToken))
                .Should().NotBeEmpty().And.OnlyContain(link => File.Exists(Path.Combine(folder, link)) || Directory.Exists(Path.Combine(folder, link)),
                    $"{run}/index.html links only to what exists");
            System.Text.RegularExpressions.Regex.Matches(await File.ReadAllTextAsync(Path.Combine(folder, "messages.ndjson"), TestContext.Current.CancellationToken),
                    "artifacts/[^\"\\\\]+").Select(m => m.Value).Should().NotBeEmpty()
                .And.OnlyContain(link => File.Exists(Path.Combine(folder, link)), $"the report of {run} (its message stream) links only to evidence that exists");
            Directory.EnumerateFiles(Path.Combine(folder, "artifacts"), "*.pcap", SearchOption.AllDirectories).Should()
                .ContainSingle("the failed scenario's pcap, too big for the page, is the run's own");
        }
    }

    [Fact]
    public async Task Given_a_keep_of_zero_When_many_runs_are_reported_Then_every_run_stays()
    {
        var stream = _temp.File("messages.ndjson");
        FakeSuite.Lab(1).Write(stream);

        foreach (var id in new[] { "a", "b", "c" })
            await new ReportBuilder().BuildAsync(new ReportRequest { Streams = [stream], ReportsDirectory = ReportsFolder, RunId = id, KeepRuns = 0 },
                TestContext.Current.CancellationToken);

        Directory.EnumerateDirectories(Path.Combine(ReportsFolder, "runs")).Select(Path.GetFileName).Should().BeEquivalentTo(["a", "b", "c"]);
    }

    // href="..." and src="..." of an index page that point into the run folder or beside it (not web addresses, not anchors).
    private static IEnumerable<string> LocalLinks(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"([^\"#?]+)[^\"]*\"").Select(m => Uri.UnescapeDataString(m.Groups[1].Value))
            .Where(link => !link.Contains("://", StringComparison.Ordinal) && !link.StartsWith("data:", StringComparison.Ordinal) && !link.StartsWith("javascript:", StringComparison.Ordinal));

    [Fact]
    public async Task Given_no_lab_json_When_reported_Then_the_index_says_no_lab_run_recorded_timings()
    {
        var result = await TestReports.WriteAsync(RepositoryPaths.CckStream("minimal"), ReportsFolder);

        (await File.ReadAllTextAsync(result.IndexPath, TestContext.Current.CancellationToken)).Should().Contain("No lab run recorded timings for this run");
    }

    [Fact]
    public async Task Given_a_broken_lab_json_When_reported_Then_the_report_is_written_with_a_warning_naming_the_file()
    {
        var runDirectory = _temp.File("reports/runs/broken-lab");
        Directory.CreateDirectory(runDirectory);
        await File.WriteAllTextAsync(Path.Combine(runDirectory, "lab.json"), "{ \"bringUp\": [ { \"ms\": 1 } ", TestContext.Current.CancellationToken);

        var result = await new ReportBuilder().BuildAsync(new ReportRequest { Streams = [RepositoryPaths.CckStream("minimal")], ReportsDirectory = ReportsFolder, RunDirectory = runDirectory }, TestContext.Current.CancellationToken);

        result.Warnings.Should().ContainSingle().Which.Should().Contain("lab.json").And.Contain("is not a valid lab record");
        (await File.ReadAllTextAsync(result.IndexPath, TestContext.Current.CancellationToken)).Should().Contain("is not a valid lab record");
    }

    private static string LabJson(string id, DateTimeOffset started) => $$"""
        {
          "runId": "{{id}}", "dut": "rabbit", "links": 2, "vlans": 0, "startedAt": "{{started:O}}",
          "bringUp": [ { "name": "tools image", "ms": 12.5 }, { "name": "DUT console ready", "ms": 2610 } ],
          "resetsMs": [ 210, 400, 190 ],
          "teardown": [ { "name": "qemu", "ms": 300 }, { "name": "containers", "ms": 120 } ],
          "errors": [ "qemu exited late" ]
        }
        """;

    [Fact]
    public async Task Given_a_corrupt_stream_When_reported_Then_it_fails_and_leaves_no_run_folder_behind()
    {
        var stream = _temp.File("corrupt.ndjson");
        var pcap = new byte[1024 * 1024];
        var lines = new List<string>();
        TestReports.SuiteWithEvidence(pcap).Write(stream);
        lines.AddRange(await File.ReadAllLinesAsync(stream, TestContext.Current.CancellationToken));
        lines.Insert(lines.Count - 2, "{\"testStepFinished\": oops}");
        await File.WriteAllLinesAsync(stream, lines, TestContext.Current.CancellationToken);

        var act = () => TestReports.WriteAsync(stream, ReportsFolder, "corrupt");

        (await act.Should().ThrowAsync<MessageStreamException>()).Which.Line.Should().Be(lines.Count - 2);
        Directory.Exists(Path.Combine(ReportsFolder, "runs", "corrupt")).Should().BeFalse("a failed report leaves nothing that looks like one");
        Path.Exists(Path.Combine(ReportsFolder, "latest")).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_corrupt_stream_into_the_labs_folder_When_reported_Then_the_labs_files_stay_and_nothing_of_the_report_remains()
    {
        var runDirectory = _temp.File("reports/runs/lab-8");
        Directory.CreateDirectory(runDirectory);
        await File.WriteAllTextAsync(Path.Combine(runDirectory, "console.log"), "login:", TestContext.Current.CancellationToken);
        var stream = _temp.File("corrupt.ndjson");
        TestReports.SuiteWithEvidence(new byte[1024 * 1024]).Write(stream);
        await File.AppendAllTextAsync(stream, "{broken\n", TestContext.Current.CancellationToken);

        var act = () => new ReportBuilder().BuildAsync(new ReportRequest { Streams = [stream], ReportsDirectory = ReportsFolder, RunDirectory = runDirectory }, TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<MessageStreamException>();
        Directory.EnumerateFiles(runDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Should().Equal("console.log");
    }

    [Fact]
    public async Task Given_a_reports_folder_that_cannot_be_written_When_reported_Then_the_error_names_it_and_what_to_do()
    {
        var blocker = _temp.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the reports folder should be", TestContext.Current.CancellationToken);

        var act = () => TestReports.WriteAsync(RepositoryPaths.CckStream("minimal"), Path.Combine(blocker, "reports"));

        (await act.Should().ThrowAsync<ReportException>())
            .Which.Message.Should().Contain($"Cannot write the report folder {blocker}").And.Contain("choose another folder with --reports");
    }

    [Fact]
    public async Task Given_a_stream_cut_short_When_reported_Then_the_report_is_written_and_marked_incomplete_everywhere()
    {
        var stream = _temp.File("cut.ndjson");
        FakeSuite.Lab().Write(stream, new FakeRunOptions { Finish = false });

        var result = await TestReports.WriteAsync(stream, ReportsFolder, "cut");

        result.Run.Status.Should().Be(RunStatus.Incomplete);
        result.Summary.Status.Should().Be("incomplete");
        (await File.ReadAllTextAsync(result.HtmlPath, TestContext.Current.CancellationToken)).Should().Contain("INCOMPLETE: the run was cut short");
        (await File.ReadAllTextAsync(result.IndexPath, TestContext.Current.CancellationToken)).Should().Contain("badge incomplete").And.Contain("ends before testRunFinished");
        (await File.ReadAllTextAsync(result.JUnitPath, TestContext.Current.CancellationToken)).Should().Contain("type=\"incomplete\"");
    }

    [Fact]
    public async Task Given_an_attachment_already_pointing_into_the_run_folder_When_reported_Then_it_links_there_without_copying()
    {
        var runDirectory = _temp.File("reports/runs/lab-9");
        Directory.CreateDirectory(runDirectory);
        await File.WriteAllBytesAsync(Path.Combine(runDirectory, "link1.pcap"), new byte[] { 1, 2, 3 }, TestContext.Current.CancellationToken);
        var stream = Path.Combine(runDirectory, "raw.ndjson");
        var lines = File.ReadAllLines(RepositoryPaths.CckStream("minimal")).ToList();
        var step = JsonNode.Parse(lines.First(l => l.StartsWith("{\"testStepStarted\"", StringComparison.Ordinal)))!["testStepStarted"]!;
        lines.Insert(lines.FindIndex(l => l.StartsWith("{\"testStepFinished\"", StringComparison.Ordinal)), new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["testCaseStartedId"] = step["testCaseStartedId"]!.ToString(), ["testStepId"] = step["testStepId"]!.ToString(),
                ["body"] = "", ["contentEncoding"] = "IDENTITY", ["mediaType"] = "application/vnd.tcpdump.pcap", ["fileName"] = "link1.pcap", ["url"] = "link1.pcap",
            },
        }.ToJsonString());
        await File.WriteAllLinesAsync(stream, lines, TestContext.Current.CancellationToken);

        var result = await new ReportBuilder().BuildAsync(new ReportRequest { Streams = [stream], ReportsDirectory = ReportsFolder, RunDirectory = runDirectory }, TestContext.Current.CancellationToken);

        var attachment = result.Run.Scenarios.Single().AllAttachments.Single();
        attachment.Url.Should().Be("link1.pcap");
        attachment.SizeBytes.Should().Be(3);
        Directory.Exists(Path.Combine(runDirectory, "artifacts")).Should().BeFalse();
    }
}
