using Alpy.Reports.Messages;
using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Model;

public sealed class RunResultBuilderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_the_all_statuses_sample_When_analysed_Then_each_scenario_has_the_status_of_its_worst_step()
    {
        var run = await Runs.CckAsync("all-statuses");

        run.Scenarios.Select(s => (s.Name, s.Status)).Should().Equal(
            ("Passing", TestStatus.Passed), ("Failing", TestStatus.Failed), ("Pending", TestStatus.Pending),
            ("Skipped", TestStatus.Skipped), ("Undefined", TestStatus.Undefined), ("Ambiguous", TestStatus.Ambiguous));
        run.Totals.Should().Be(new OutcomeTotals(Passed: 1, Failed: 4, Skipped: 1));
        run.Totals.ToClosingLine().Should().Be("1 passed, 4 failed, 1 skipped");
        run.StepCounts.Should().Be(new StatusCounts(Passed: 8, Failed: 1, Ambiguous: 1, Undefined: 1, Pending: 1, Skipped: 6, NotRun: 0));
        run.IsComplete.Should().BeTrue();
        run.Status.Should().Be(RunStatus.Failed);
        run.Problems.Should().BeEmpty("the runner's failure is explained by the failed scenarios");
    }

    [Fact]
    public async Task Given_a_failed_scenario_When_analysed_Then_its_decisive_step_carries_keyword_text_file_line_and_message()
    {
        var run = await Runs.CckAsync("all-statuses");

        var failing = run.Scenarios.Single(s => s.Name == "Failing");
        failing.Location.ToString().Should().Be("samples/all-statuses/all-statuses.feature:11");
        failing.DecisiveStep!.Title.Should().Be("And a failing step");
        failing.DecisiveStep.Location!.ToString().Should().Be("samples/all-statuses/all-statuses.feature:13");
        failing.DecisiveStep.Message.Should().Be("whoops");
        failing.DecisiveStep.ExceptionType.Should().Be("Error");
        FailureText.Headline(failing).Should().Be("And a failing step (samples/all-statuses/all-statuses.feature:13): whoops");
    }

    [Fact]
    public async Task Given_retried_scenarios_When_analysed_Then_only_the_last_attempt_counts()
    {
        var run = await Runs.CckAsync("retry");

        run.Scenarios.Select(s => (s.Status, s.Attempts)).Should().Equal(
            (TestStatus.Passed, 1), (TestStatus.Passed, 2), (TestStatus.Passed, 3), (TestStatus.Failed, 3));
        run.Totals.Should().Be(new OutcomeTotals(3, 1, 0));
    }

    [Fact]
    public async Task Given_an_outline_When_analysed_Then_each_row_is_a_scenario_named_with_its_values_at_its_row_line()
    {
        var run = await Runs.CckAsync("examples-tables");

        var first = run.Scenarios.First();
        first.DisplayName.Should().Be("Eating cucumbers (start: 12, eat: 5, left: 7)");
        first.Location.Line.Should().Be(19);
        first.Tags.Should().Contain("@passing");
        run.Scenarios.Select(s => s.DisplayName).Should().OnlyHaveUniqueItems();
        run.Scenarios.Should().Contain(s => s.DisplayName == "Eating cucumbers with 11 friends (friends: 11, start: 12, share: 1)");
    }

    [Fact]
    public async Task Given_a_failing_BeforeTestRun_hook_When_analysed_Then_the_run_fails_with_the_hook_named_and_scenarios_are_not_run()
    {
        var run = await Runs.CckAsync("global-hooks-beforeall-error");

        run.Status.Should().Be(RunStatus.Failed);
        run.Problems.Should().ContainSingle().Which.Should()
            .Be("BeforeTestRun hook (samples/global-hooks-beforeall-error/global-hooks-beforeall-error.ts:7) failed: BeforeAll hook went wrong");
        run.Scenarios.Should().ContainSingle().Which.Ran.Should().BeFalse();
        run.Totals.Should().Be(new OutcomeTotals(0, 0, 1));
        run.TestRunHooks.Should().HaveCount(5);
    }

    [Fact]
    public async Task Given_a_runner_error_outside_any_scenario_When_analysed_Then_it_is_a_problem_of_the_run()
    {
        var run = await Runs.CckAsync("test-run-exception");

        run.Status.Should().Be(RunStatus.Failed);
        run.Problems.Should().ContainSingle().Which.Should().Contain("Whoops!");
    }

    [Fact]
    public async Task Given_scenario_hooks_When_analysed_Then_they_appear_as_hook_steps_around_the_steps()
    {
        var run = await Runs.CckAsync("hooks");

        var scenario = run.Scenarios.First(s => s.Steps.Any(step => step.IsHook));
        scenario.Steps[0].Keyword.Should().Be("Before hook");
        scenario.Steps[^1].Keyword.Should().Be("After hook");
        run.StepCounts.Total.Should().Be(run.Scenarios.Sum(s => s.Steps.Count(step => !step.IsHook)));
    }

    [Fact]
    public async Task Given_attachments_When_analysed_Then_each_is_described_with_media_type_name_and_decoded_size()
    {
        var run = await Runs.CckAsync("attachments");

        var all = run.Scenarios.SelectMany(s => s.AllAttachments).ToList();
        all.Should().HaveCount(8);
        all.Should().Contain(a => a.MediaType == "text/plain" && a.SizeBytes == 10, "10 bytes were attached base64-encoded");
        all.Should().Contain(a => a.MediaType == "application/pdf" && a.FileName == "renamed.pdf" && a.SizeBytes > 1000);
        run.Scenarios.Single(s => s.Name == "Attaching during a failed step").DecisiveStep!.Attachments.Should().ContainSingle();
    }

    [Fact]
    public async Task Given_a_stream_without_testRunFinished_When_analysed_Then_the_run_is_incomplete_and_says_how_much_ran()
    {
        // Given: the all-statuses run, killed after the third scenario started
        var lines = File.ReadAllLines(RepositoryPaths.CckStream("all-statuses"));
        var third = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("{\"testCaseStarted\"", StringComparison.Ordinal)).ElementAt(2).i;
        var path = _temp.File("killed.ndjson");
        await File.WriteAllLinesAsync(path, lines.Take(third + 2), TestContext.Current.CancellationToken);

        // When
        var run = await Runs.ReadAsync(path);

        // Then
        run.Status.Should().Be(RunStatus.Incomplete);
        run.IsComplete.Should().BeFalse();
        run.Problems.Should().ContainSingle().Which.Should()
            .Contain("ends before testRunFinished").And.Contain("Only 2 of 6 scenarios have results")
            .And.Contain("'Pending' (samples/all-statuses/all-statuses.feature:16) was running");
        run.Scenarios.Single(s => s.Name == "Pending").Interrupted.Should().BeTrue();
    }

    [Fact]
    public async Task Given_every_CCK_sample_When_analysed_Then_none_crashes_and_counts_add_up()
    {
        foreach (var sample in RepositoryPaths.AllCckStreams())
        {
            var run = await Runs.ReadAsync(sample);

            run.ScenarioCounts.Total.Should().Be(run.Scenarios.Count(), sample);
            run.Totals.Total.Should().Be(run.Scenarios.Count(), sample);
            run.IsComplete.Should().BeTrue(sample);
        }
    }

    [Fact]
    public async Task Given_a_message_missing_a_required_field_When_analysed_Then_the_error_names_the_line_and_the_field()
    {
        var path = _temp.File("bad-pickle.ndjson");
        await File.WriteAllTextAsync(path, Json.MetaLine + "\n{\"pickle\":{\"uri\":\"a.feature\",\"name\":\"x\"}}\n", TestContext.Current.CancellationToken);

        var act = () => Runs.ReadAsync(path);

        (await act.Should().ThrowAsync<MessageStreamException>())
            .Which.Message.Should().Contain($"{path}:2:").And.Contain("'pickle'").And.Contain("Pickle.Id cannot be null");
    }

    [Fact]
    public async Task Given_messages_of_kinds_it_does_not_know_When_analysed_Then_they_are_ignored()
    {
        var path = _temp.File("future.ndjson");
        var lines = File.ReadAllLines(RepositoryPaths.CckStream("minimal")).ToList();
        lines.Insert(2, "{\"somethingNew\":{\"id\":\"x\",\"anything\":[1,2,3]}}");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);

        var run = await Runs.ReadAsync(path);

        run.Status.Should().Be(RunStatus.Passed);
        run.Totals.Should().Be(new OutcomeTotals(1, 0, 0));
    }
}
