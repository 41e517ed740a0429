using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.Execution;

public sealed class HookTests
{
    private static readonly List<string> Log = [];

    [Fact]
    public async Task Given_hooks_of_every_kind_When_a_step_fails_Then_later_steps_skip_and_every_after_hook_still_runs()
    {
        // Given
        Log.Clear();
        const string feature = """
            Feature: Hooks
              @tagged
              Scenario: fails in the middle
                Given a step
                When a step fails
                Then a step
            """;

        // When
        var (results, messages, _) = await EngineHarness.RunAsync(feature, [typeof(AllHooks)]);

        // Then
        results.Single().Status.Should().Be(TestStepResultStatus.Failed);
        Log.Should().Equal(
            "before test run",
            "before feature Hooks",
            "before scenario order 1",
            "before scenario order 2",
            "before tagged scenario",
            "before step", "step", "after step",
            "before step", "failing step", "after step",
            "after scenario order 1 TestError",
            "after scenario order 2 TestError",
            "after feature Hooks",
            "after test run");
        messages.StepsFinished().Select(s => s.TestStepResult.Status).Should().Equal(
            "PASSED", "PASSED", "PASSED", "PASSED", "FAILED", "SKIPPED", "PASSED", "PASSED");
        messages.Where(m => m.TestRunHookFinished is not null).Should().HaveCount(2);
    }

    [Fact]
    public async Task Given_a_failing_before_hook_When_the_scenario_runs_Then_steps_are_skipped_and_after_hooks_run()
    {
        // Given
        Log.Clear();

        // When
        var (results, messages, _) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given a step\n", [typeof(FailingBeforeHook)]);

        // Then
        results.Single().Status.Should().Be(TestStepResultStatus.Failed);
        Log.Should().Equal("after scenario");
        var statuses = messages.StepsFinished().Select(s => s.TestStepResult.Status).ToArray();
        statuses.Should().Equal("FAILED", "SKIPPED", "PASSED");
        messages.StepsFinished().First().TestStepResult.Message.Should().Be("setup broke");
    }

    [Fact]
    public async Task Given_a_failing_BeforeTestRun_hook_When_the_run_starts_Then_no_scenario_runs_and_AfterTestRun_still_runs()
    {
        // Given
        Log.Clear();

        // When
        var (results, messages, run) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given a step\n", [typeof(FailingBeforeTestRun)]);

        // Then
        results.Should().BeEmpty();
        run.StartFailure.Should().Contain("FailingBeforeTestRun.Boot").And.Contain("DUT did not boot");
        Log.Should().Equal("second before test run", "after test run");
        messages.Should().NotContain(m => m.TestCase != null);
        messages[^1].TestRunFinished!.Success.Should().BeFalse();
    }

    [Binding]
    public sealed class AllHooks(ScenarioContext scenario)
    {
        [BeforeTestRun]
        public static void BeforeTestRun() => Log.Add("before test run");

        [AfterTestRun]
        public static void AfterTestRun() => Log.Add("after test run");

        [BeforeFeature]
        public static void BeforeFeature(FeatureContext feature) => Log.Add("before feature " + feature.FeatureInfo.Title);

        [AfterFeature]
        public static void AfterFeature(FeatureContext feature) => Log.Add("after feature " + feature.FeatureInfo.Title);

        [BeforeScenario(Order = 2)]
        public void BeforeScenario2() => Log.Add("before scenario order 2");

        [BeforeScenario(Order = 1)]
        public void BeforeScenario1() => Log.Add("before scenario order 1");

        [BeforeScenario("@tagged", Order = 3)]
        public void BeforeTagged() => Log.Add("before tagged scenario");

        [BeforeScenario("@other")]
        public void BeforeOther() => Log.Add("never: the scenario is not tagged @other");

        [AfterScenario(Order = 1)]
        public void AfterScenario1() => Log.Add("after scenario order 1 " + scenario.ScenarioExecutionStatus);

        [AfterScenario(Order = 2)]
        public void AfterScenario2() => Log.Add("after scenario order 2 " + scenario.ScenarioExecutionStatus);

        [BeforeStep]
        public void BeforeStep() => Log.Add("before step");

        [AfterStep]
        public void AfterStep() => Log.Add("after step");

        [Given("a step")]
        [Then("a step")]
        public void Step() => Log.Add("step");

        [When("a step fails")]
        public void Fails()
        {
            Log.Add("failing step");
            throw new InvalidOperationException("whoops");
        }
    }

    [Binding]
    public sealed class FailingBeforeHook
    {
        [BeforeScenario]
        public void Setup() => throw new InvalidOperationException("setup broke");

        [AfterScenario]
        public void Teardown() => Log.Add("after scenario");

        [Given("a step")]
        public void Step() => Log.Add("step ran although setup failed");
    }

    [Binding]
    public sealed class FailingBeforeTestRun
    {
        [BeforeTestRun(Order = 1)]
        public static void Boot() => throw new TimeoutException("DUT did not boot");

        [BeforeTestRun(Order = 2)]
        public static void Second() => Log.Add("second before test run");

        [AfterTestRun]
        public static void After() => Log.Add("after test run");

        [Given("a step")]
        public void Step() => Log.Add("step");
    }
}
