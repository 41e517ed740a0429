using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Model;

/// <summary>What the analysis makes of the streams Reqnroll 3.3.4 writes (Streams/README.md).</summary>
public sealed class ReqnrollStreamTests
{
    [Fact]
    public async Task Given_a_whole_run_When_analysed_Then_totals_are_what_dotnet_test_counted()
    {
        var run = await Runs.ReadAsync(ReqnrollStreams.Whole);

        run.Totals.Should().Be(new OutcomeTotals(12, 5, 1), "dotnet test said: Failed 5, Passed 12, Skipped 1");
        run.ScenarioCounts.Should().Be(new StatusCounts(Passed: 12, Failed: 3, Ambiguous: 0, Undefined: 1, Pending: 1, Skipped: 0, NotRun: 1));
        run.Status.Should().Be(RunStatus.Failed);
        run.IsComplete.Should().BeTrue();
        run.Implementation.Should().Be("Reqnroll 3.3.4");
        run.ProtocolVersion.Should().Be("30.1.0");
        run.Features.Select(f => f.Name).Should().BeEquivalentTo("Statuses", "Routing", "NAT", "Firewall", "VLANs");
        run.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_failed_step_When_analysed_Then_its_failure_names_the_step_with_file_and_line_and_the_steps_after_it_are_skipped()
    {
        var run = await Runs.ReadAsync(ReqnrollStreams.Whole);

        var scenario = run.Scenarios.Single(s => s.Name == "Adding fails");
        scenario.Status.Should().Be(TestStatus.Failed);
        scenario.Location.ToString().Should().Be("Features/statuses.feature:12");
        FailureText.Headline(scenario).Should().Be("Then the result is 5 (Features/statuses.feature:14): Assert.Equal() Failure: Values differ");
        scenario.DecisiveStep!.ExceptionType.Should().Be("EqualException");
        scenario.Steps.Where(s => !s.IsHook).Select(s => s.Status).Should().Equal(TestStatus.Passed, TestStatus.Passed, TestStatus.Failed, TestStatus.Skipped);
        scenario.Steps.Where(s => !s.IsHook).First().Keyword.Should().Be("Given ", "the Background's step comes first");
    }

    [Fact]
    public async Task Given_an_undefined_step_When_analysed_Then_the_failure_quotes_the_step_definition_Reqnroll_suggests()
    {
        var run = await Runs.ReadAsync(ReqnrollStreams.Whole);

        var scenario = run.Scenarios.Single(s => s.Name == "An undefined step");
        scenario.Status.Should().Be(TestStatus.Undefined);
        scenario.Outcome.Should().Be(ScenarioOutcome.Failed);
        FailureText.Headline(scenario).Should().Be(
            "When I multiply 2 and 3 (Features/statuses.feature:18): no step definition matches this step; add one such as [When(\"I multiply {int} and {int}\")]");
        FailureText.Details(scenario).Should().Contain("public void WhenIMultiplyAnd(int p0, int p1)");
    }

    [Fact]
    public async Task Given_pending_ignored_and_outline_scenarios_When_analysed_Then_each_has_its_status_and_outline_rows_their_values()
    {
        var run = await Runs.ReadAsync(ReqnrollStreams.Whole);

        var pending = run.Scenarios.Single(s => s.Name == "A pending step");
        pending.Status.Should().Be(TestStatus.Pending);
        FailureText.Headline(pending).Should().Contain("The step definition is not implemented.");

        var ignored = run.Scenarios.Single(s => s.Name == "An ignored scenario");
        ignored.Ran.Should().BeFalse("Reqnroll writes the pickle of an @ignore scenario but no test case");
        ignored.Outcome.Should().Be(ScenarioOutcome.Skipped);

        run.Scenarios.Where(s => s.Name == "Sums").Select(s => (s.DisplayName, s.Location.ToString(), s.Status)).Should().Equal(
            ("Sums (a: 1, b: 2, sum: 3)", "Features/statuses.feature:42", TestStatus.Passed),
            ("Sums (a: 2, b: 2, sum: 5)", "Features/statuses.feature:43", TestStatus.Failed));
        run.Scenarios.Where(s => s.Location.Uri == "Features/nat.feature").Select(s => s.DisplayName)
            .Should().Equal("Masquerade port 22 (port: 22)", "Masquerade port 80 (port: 80)", "Masquerade port 443 (port: 443)");
    }

    [Fact]
    public async Task Given_attachments_of_steps_and_hooks_When_analysed_Then_each_sits_with_what_attached_it()
    {
        var run = await Runs.ReadAsync(ReqnrollStreams.Whole);

        var scenario = run.Scenarios.Single(s => s.Name == "Evidence is attached");
        var step = scenario.Steps.Single(s => s.Text == "I attach the console log");
        // Reqnroll takes the media type from the file's extension, and knows no ".log": evidence meant as text is best attached as .txt.
        step.Attachments.Should().ContainSingle().Which.Should().Be(new AttachmentInfo("application/octet-stream", "dut-console.log", 132, null));
        var hooks = scenario.Steps.Where(s => s.IsHook).ToList();
        hooks.Select(h => h.Title).Should().BeEquivalentTo("After hook Evidence.CollectEvidence", "After hook Evidence.AttachCapture");
        hooks.SelectMany(h => h.Attachments).Should().ContainEquivalentOf(new AttachmentInfo("application/octet-stream", "link0.pcap", 1500, null));
        scenario.AllAttachments.Select(a => a.MediaType).Should().Contain("text/x.cucumber.log+plain", "IReqnrollOutputHelper.WriteLine is a log attachment");
    }

    [Fact]
    public async Task Given_test_run_hooks_When_analysed_Then_they_are_named_by_their_method()
    {
        var run = await Runs.ReadAsync(ReqnrollStreams.Whole);

        run.TestRunHooks.Select(h => (h.Title, h.Status)).Should().Equal(
            ("BeforeTestRun hook Lab.BootLab", TestStatus.Passed),
            ("AfterTestRun hook Lab.TearDownLab", TestStatus.Passed));
    }

    [Fact]
    public async Task Given_a_failed_BeforeTestRun_hook_When_analysed_Then_the_run_failed_and_says_why_though_no_scenario_ran()
    {
        var run = await Runs.ReadAsync(ReqnrollStreams.BeforeRunFailed);

        run.Scenarios.Should().BeEmpty("Reqnroll starts no feature after a failed BeforeTestRun hook, so it writes no pickle");
        run.Status.Should().Be(RunStatus.Failed);
        run.Problems.Should().ContainSingle().Which.Should().Be(
            "BeforeTestRun hook Lab.BootLab failed: the lab did not come up: the DUT did not boot within 60 s");
    }

    [Fact]
    public async Task Given_the_stream_of_a_crashed_test_host_When_analysed_Then_the_run_is_incomplete_and_says_how_much_ran()
    {
        var run = await Runs.ReadAsync(ReqnrollStreams.CutShort);

        run.Status.Should().Be(RunStatus.Incomplete);
        run.Problems.Should().Contain(p => p.StartsWith("The stream ends before testRunFinished: the run was cut short", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("The last line of the stream was cut off mid-message", StringComparison.Ordinal));
        run.Scenarios.Should().Contain(s => s.Ran && !s.Interrupted && s.Status == TestStatus.Passed);
        run.Scenarios.Where(s => s.Interrupted).Should().NotBeEmpty().And.OnlyContain(s => s.Status == TestStatus.Unknown || s.Status == TestStatus.Failed,
            "a scenario the stream leaves unfinished did not pass: only a failure before the cut is certain");
    }
}
