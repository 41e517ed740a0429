using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.EndToEnd;

/// <summary>
/// Runs tests/Alpy.Runner.Samples with `dotnet test`: generated tests, display names, traits and
/// filters, outcomes, hooks, the message stream and shards, as a user sees them.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SampleFeaturesTests(SamplesProject samples) : IClassFixture<SamplesProject>
{
    private static readonly string[] AllScenarios =
    [
        "Add two numbers@features/calculator.feature:9",
        "Add many numbers@features/calculator.feature:20",
        "Add many numbers@features/calculator.feature:21",
        "Add many numbers@features/calculator.feature:25",
        "Totals from a table@features/calculator.feature:27",
        "Hallo sagen@features/greetings.feature:5",
        "A failing step@features/outcomes.feature:5",
        "A pending step@features/outcomes.feature:11",
        "Undefined steps@features/outcomes.feature:16",
        "An ambiguous step@features/outcomes.feature:22",
        "A skipped scenario@features/outcomes.feature:26",
        "Reroute HTTP to port 88@features/routing/reroute.feature:6",
    ];

    [Fact]
    public async Task Given_the_sample_features_When_dotnet_test_runs_them_Then_each_scenario_is_a_test_with_its_outcome()
    {
        // When
        using var run = await samples.TestAsync([]);

        // Then
        run.ExitCode.Should().NotBe(0, "some samples fail on purpose");
        run.Results.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["Add two numbers"] = "Passed",
            ["Add many numbers (a: 1, b: 1, sum: 2)"] = "Passed",
            ["Add many numbers (a: 2, b: 5, sum: 7)"] = "Passed",
            ["Add many numbers (a: 1000, b: 2000, sum: 3000)"] = "Passed",
            ["Totals from a table"] = "Passed",
            ["Divide by zero"] = "NotExecuted",
            ["Hallo sagen"] = "Passed",
            ["A failing step"] = "Failed",
            ["A pending step"] = "NotExecuted",
            ["Undefined steps"] = "Failed",
            ["An ambiguous step"] = "Failed",
            ["A skipped scenario"] = "NotExecuted",
            ["Reroute HTTP to port 88"] = "Passed",
        }, run.Output);
        run.Output.Should().Contain("failed at Then the result is 5 (features/outcomes.feature:8)")
            .And.Contain("Expected 5 but the calculator shows 4.")
            .And.Contain("[When(\"I frobnicate the calculator {int} times\")]");
        run.ResultMessages["Divide by zero"].Should().Be("Ignored with @ignore (features/calculator.feature:35)");
        run.ResultMessages["A pending step"].Should().Be("Pending: When I do something not implemented yet (features/outcomes.feature:13) is not implemented yet.");
        run.ResultMessages["A skipped scenario"].Should().Be("Skipped at When the scenario skips itself (features/outcomes.feature:28): not on this machine");
    }

    [Fact]
    public async Task Given_a_run_When_it_ends_Then_test_run_hooks_ran_once_around_everything_and_the_stream_is_complete()
    {
        // When
        using var run = await samples.TestAsync([]);

        // Then
        run.HookLog.Should().HaveCountGreaterThan(10);
        run.HookLog[0].Should().Be("before test run");
        run.HookLog[^1].Should().Be("after test run");
        run.HookLog.Count(l => l == "before test run").Should().Be(1);
        run.HookLog.Count(l => l.StartsWith("dispose Calculator", StringComparison.Ordinal)).Should().Be(11, "every scenario that ran disposes its calculator");
        var messages = run.Messages;
        messages[0].Meta.Should().NotBeNull();
        messages[^1].TestRunFinished!.Success.Should().BeFalse();
        run.ScenariosRun.Should().BeEquivalentTo(AllScenarios);
        messages.Count(m => m.TestCaseStarted is not null).Should().Be(messages.Count(m => m.TestCaseFinished is not null));
        messages.Should().Contain(m => m.Attachment != null && m.Attachment.FileName == "link0.pcap" && m.Attachment.ContentEncoding == Attachment.Base64);
        messages.Should().Contain(m => m.Attachment != null && m.Attachment.Body == "lab booted" && m.Attachment.TestRunHookStartedId != null);
    }

    [Fact]
    public async Task Given_a_formatter_named_html_When_the_run_ends_Then_it_runs_after_the_message_stream_is_complete()
    {
        using var run = await samples.TestAsync(["--filter", "Category=smoke"]);

        var report = File.ReadAllText(Path.Combine(run.Directory, "report.html"));
        var lines = run.Messages.Count;
        report.Should().Be($"messages seen: {lines}\nstream lines: {lines}\nlast line starts: {{\"testRunFinished\":{{\n");
    }

    [Fact]
    public async Task Given_a_failing_BeforeTestRun_hook_When_dotnet_test_runs_Then_every_scenario_fails_with_it_and_AfterTestRun_still_runs()
    {
        using var run = await samples.TestAsync([], new Dictionary<string, string> { ["ALPY_SAMPLES_FAIL_BOOT"] = "1" });

        run.Results.Where(r => r.Key != "Divide by zero").Select(r => r.Value).Should().OnlyContain(outcome => outcome == "Failed");
        run.ResultMessages["Add two numbers"].Should().Contain("The test run's setup failed").And.Contain("FaultInjection.Boot()").And.Contain("the lab could not boot");
        run.HookLog.Should().Equal("before test run", "after test run");
        run.Messages.Should().NotContain(m => m.TestCase != null);
        run.Messages[^1].TestRunFinished!.Success.Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_failing_AfterTestRun_hook_When_dotnet_test_runs_Then_the_run_fails_naming_the_hook()
    {
        using var run = await samples.TestAsync(["--filter", "Category=smoke", "--logger", "console;verbosity=detailed"], new Dictionary<string, string> { ["ALPY_SAMPLES_FAIL_TEARDOWN"] = "1" });

        run.ExitCode.Should().NotBe(0, "a broken teardown fails the run even when every scenario passed");
        run.Output.Should().Contain("TestRunCleanupFailedException : The [AfterTestRun] Alpy.Runner.Samples.FaultInjection.Teardown() hook failed: the lab could not be torn down");
        run.Messages[^1].TestRunFinished!.Success.Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_process_that_dies_mid_run_When_the_stream_is_read_Then_it_ends_on_a_whole_line_without_testRunFinished()
    {
        using var run = await samples.TestAsync([], new Dictionary<string, string> { ["ALPY_SAMPLES_CRASH"] = "1" });

        run.ExitCode.Should().NotBe(0);
        var messages = run.Messages; // every line parses
        messages.Should().NotBeEmpty();
        messages.Should().NotContain(m => m.TestRunFinished != null, "an interrupted run must not look complete");
        run.HookLog.Should().NotContain("after test run");
    }

    [Theory]
    [InlineData("Category=smoke", new[] { "Add two numbers@features/calculator.feature:9", "Add many numbers@features/calculator.feature:20", "Add many numbers@features/calculator.feature:21" })]
    [InlineData("FullyQualifiedName~Reroute", new[] { "Reroute HTTP to port 88@features/routing/reroute.feature:6" })]
    [InlineData("Feature=Begrüßung", new[] { "Hallo sagen@features/greetings.feature:5" })]
    public async Task Given_a_filter_When_dotnet_test_runs_Then_only_the_selected_scenarios_run_and_are_reported(string filter, string[] expected)
    {
        using var run = await samples.TestAsync(["--filter", filter]);

        run.ExitCode.Should().Be(0, run.Output);
        run.ScenariosRun.Should().BeEquivalentTo(expected);
        run.Messages.Count(m => m.Pickle is not null).Should().Be(expected.Length, "the stream lists only what ran");
        run.HookLog.Count(l => l == "before test run").Should().Be(1);
        if (filter.Contains("Reroute", StringComparison.Ordinal))
        {
            Directory.GetFiles(run.Directory, "link0.pcap*", SearchOption.AllDirectories).Should().ContainSingle("the step's attachment reaches the xUnit result (the TRX keeps it as a result file)");
        }
    }

    [Fact]
    public async Task Given_three_shards_When_each_runs_Then_together_they_run_every_scenario_exactly_once_and_whole_features_stay_together()
    {
        // When
        var runs = new List<SampleRun>();
        try
        {
            for (var shard = 1; shard <= 3; shard++)
            {
                runs.Add(await samples.TestAsync([], new Dictionary<string, string> { ["ALPY_SHARD"] = $"{shard}/3" }));
            }

            // Then
            var all = runs.SelectMany(r => r.ScenariosRun).ToArray();
            all.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(AllScenarios);
            foreach (var run in runs)
            {
                run.ScenariosRun.Should().NotBeEmpty();
                run.Results.Keys.Should().NotContain(k => k.Contains("Divide", StringComparison.Ordinal) && !run.ScenariosRun.Any(s => s.Contains("calculator", StringComparison.Ordinal)), "scenarios outside the shard are not even discovered");
            }

            runs.Select(r => r.ScenariosRun.Select(s => s[(s.IndexOf('@', StringComparison.Ordinal) + 1)..s.LastIndexOf(':')]).Distinct().Count()).Sum()
                .Should().Be(4, "each of the four features is in one shard only");
        }
        finally
        {
            runs.ForEach(r => r.Dispose());
        }
    }

    [Theory]
    [InlineData("3/2", "the shard number must be between 1 and 2, not 3")]
    [InlineData("0/0", "must be at least 1")]
    [InlineData("two of four", "is not a shard")]
    public async Task Given_a_bad_shard_When_dotnet_test_runs_Then_it_fails_with_a_clear_error_instead_of_running_all_or_nothing(string shard, string message)
    {
        using var run = await samples.TestAsync([], new Dictionary<string, string> { ["ALPY_SHARD"] = shard });

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain(message);
        run.Results.Values.Should().OnlyContain(outcome => outcome == "Failed");
        run.HookLog.Should().BeEmpty("nothing may run on a bad shard");
    }

    [Fact]
    public async Task Given_REQNROLL_DRY_RUN_When_dotnet_test_runs_Then_no_hook_or_step_runs_and_only_binding_problems_fail()
    {
        using var run = await samples.TestAsync([], new Dictionary<string, string> { ["REQNROLL_DRY_RUN"] = "true" });

        run.HookLog.Should().BeEmpty();
        run.Results.Where(r => r.Value == "Failed").Select(r => r.Key).Should().BeEquivalentTo("Undefined steps", "An ambiguous step");
        run.Results["A failing step"].Should().Be("Passed", "its failing code does not run in a dry run");
    }
}
