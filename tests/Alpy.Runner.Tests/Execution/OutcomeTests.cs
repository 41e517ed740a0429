using Alpy.Runner.Configuration;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.Execution;

public sealed class OutcomeTests
{
    private static readonly List<string> Log = [];

    [Fact]
    public async Task Given_undefined_steps_When_the_scenario_runs_Then_each_is_undefined_with_a_suggestion_and_defined_steps_after_them_skip()
    {
        // Given
        Log.Clear();
        const string feature = "Feature: F\n  Scenario: S\n    Given a step\n    When I frobnicate 3 times\n    Then a step\n    And I paint it \"blue\"\n";

        // When
        var (results, messages, _) = await EngineHarness.RunAsync(feature, [typeof(Steps)]);

        // Then
        results.Single().Status.Should().Be(TestStepResultStatus.Undefined);
        messages.StepsFinished().Select(s => s.TestStepResult.Status).Should().Equal("PASSED", "UNDEFINED", "SKIPPED", "UNDEFINED");
        var suggestions = messages.Where(m => m.Suggestion is not null).Select(m => m.Suggestion!).ToArray();
        suggestions.Should().HaveCount(2);
        suggestions[0].Snippets.Should().HaveCount(2, "3 fits {int} and {float}");
        suggestions[0].Snippets[0].Code.Should().StartWith("[When(\"I frobnicate {int} times\")]");
        suggestions[1].Snippets.Single().Code.Should().StartWith("[Then(\"I paint it {string}\")]", "an And step takes the kind of the step before it");
        Log.Should().Equal("a step");
    }

    [Fact]
    public async Task Given_stopAtFirstError_When_a_step_fails_Then_later_undefined_steps_are_only_skipped()
    {
        var configuration = RunnerConfiguration.Default with { StopAtFirstError = true };

        var (_, messages, _) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given a failing step\n    When I frobnicate 3 times\n", [typeof(Steps)], configuration);

        messages.StepsFinished().Select(s => s.TestStepResult.Status).Should().Equal("FAILED", "SKIPPED");
        messages.Should().NotContain(m => m.Suggestion != null);
    }

    [Fact]
    public async Task Given_a_step_matching_two_definitions_When_it_runs_Then_it_is_ambiguous_and_lists_both_methods()
    {
        var (results, messages, _) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    When I press the big button\n", [typeof(Steps)]);

        var outcome = results.Single().Outcomes.Single();
        outcome.Status.Should().Be(TestStepResultStatus.Ambiguous);
        outcome.Error!.Message.Should().Contain("features/test.feature:3").And.Contain("OutcomeTests+Steps.BigButton()").And.Contain("OutcomeTests+Steps.AnyButton(String)");
        messages.Single(m => m.TestCase != null).TestCase!.TestSteps.Single().StepDefinitionIds.Should().HaveCount(2);
    }

    [Fact]
    public async Task Given_a_scoped_and_an_unscoped_definition_When_the_scope_applies_Then_the_scoped_one_wins()
    {
        Log.Clear();

        var (results, _, _) = await EngineHarness.RunAsync("Feature: F\n  @special\n  Scenario: S\n    When I press the big button\n", [typeof(Steps), typeof(ScopedSteps)]);

        results.Single().Status.Should().Be(TestStepResultStatus.Passed);
        Log.Should().Equal("scoped big button");
    }

    [Fact]
    public async Task Given_a_pending_step_When_it_runs_Then_it_is_pending_and_the_rest_is_skipped()
    {
        var (results, messages, _) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given a pending step\n    Then a step\n", [typeof(Steps)]);

        results.Single().Status.Should().Be(TestStepResultStatus.Pending);
        messages.StepsFinished().Select(s => (s.TestStepResult.Status, s.TestStepResult.Message)).Should().Equal(
            (TestStepResultStatus.Pending, "needs the DUT driver"), (TestStepResultStatus.Skipped, null));
        messages[^1].TestRunFinished!.Success.Should().BeFalse("a pending step means the run is not done");
    }

    [Fact]
    public async Task Given_a_dry_run_When_scenarios_run_Then_no_step_or_hook_code_runs_and_undefined_steps_are_still_found()
    {
        // Given
        Log.Clear();
        var configuration = RunnerConfiguration.Default with { DryRun = true };

        // When
        var (results, messages, _) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given a step\n    When a failing step\n    Then nobody defined this\n", [typeof(Steps)], configuration);

        // Then
        Log.Should().BeEmpty();
        messages.StepsFinished().Select(s => s.TestStepResult.Status).Should().Equal("SKIPPED", "SKIPPED", "UNDEFINED");
        results.Single().Status.Should().Be(TestStepResultStatus.Undefined);
    }

    [Fact]
    public async Task Given_stopRunOnBindingErrors_and_a_typo_When_the_run_starts_Then_no_BeforeTestRun_hook_runs_and_the_typo_is_listed()
    {
        // Given
        Log.Clear();
        var configuration = RunnerConfiguration.Default with { StopRunOnBindingErrors = true };

        // When
        var (results, messages, run) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given a stpe\n", [typeof(Steps), typeof(ExpensiveSetup)], configuration);

        // Then
        results.Should().BeEmpty();
        Log.Should().BeEmpty("the lab must not boot for a typo");
        run.StartFailure.Should().Contain("features/test.feature:3: undefined step \"Given a stpe\"").And.Contain("[Given(\"a stpe\")]");
        messages[^1].TestRunFinished!.Message.Should().Contain("a stpe");
    }

    [Fact]
    public async Task Given_output_and_attachments_When_a_step_writes_them_Then_the_stream_has_them_on_that_step()
    {
        var (_, messages, _) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given evidence is attached\n", [typeof(Steps)]);

        var started = messages.Single(m => m.TestStepStarted is not null).TestStepStarted!;
        var attachments = messages.Where(m => m.Attachment is not null).Select(m => m.Attachment!).ToArray();
        attachments.Should().HaveCount(4).And.OnlyContain(a => a.TestStepId == started.TestStepId && a.TestCaseStartedId == started.TestCaseStartedId);
        attachments[0].Should().Match<Attachment>(a => a.MediaType == "text/x.cucumber.log+plain" && a.Body == "console says hi" && a.ContentEncoding == "IDENTITY");
        attachments[1].Should().Match<Attachment>(a => a.MediaType == "application/vnd.tcpdump.pcap" && a.Body == "AQID" && a.ContentEncoding == "BASE64" && a.FileName == "link0.pcap");
        attachments[2].Should().Match<Attachment>(a => a.MediaType == "text/plain" && a.Body == "tail of the console" && a.FileName == "console.txt");
        attachments[3].Should().Match<Attachment>(a => a.MediaType == "text/uri-list" && a.Body == "https://example.invalid/report");
    }

    [Binding]
    public sealed class Steps(IReqnrollOutputHelper output)
    {
        [Given("a step")]
        [Then("a step")]
        public void Step() => Log.Add("a step");

        [Given("a failing step")]
        [When("a failing step")]
        public void Failing()
        {
            Log.Add("failing");
            throw new InvalidOperationException("whoops");
        }

        [When("I press the big button")]
        public void BigButton() => Log.Add("unscoped big button");

        [When(@"^I press the (\w+) button$")]
        public void AnyButton(string which) => Log.Add(which);

        [Given("a pending step")]
        public void Pending() => throw new PendingStepException("needs the DUT driver");

        [Given("evidence is attached")]
        public void Evidence()
        {
            output.WriteLine("console says {0}", "hi");
            output.AddAttachment([1, 2, 3], "application/vnd.tcpdump.pcap", "link0.pcap");
            output.AttachText("tail of the console", "text/plain", "console.txt");
            output.AttachLink("https://example.invalid/report");
        }
    }

    [Binding]
    [Scope(Tag = "special")]
    public sealed class ScopedSteps
    {
        [When("I press the big button")]
        public void BigButton() => Log.Add("scoped big button");
    }

    [Binding]
    public sealed class ExpensiveSetup
    {
        [BeforeTestRun]
        public static void BootTheLab() => Log.Add("lab booted");
    }
}
