using Alpy.Runner.Configuration;
using Alpy.Runner.Execution;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.Execution;

/// <summary>The binding check (alpy.stopRunOnBindingErrors) matches every step once; the run uses those bindings, it does not match again.</summary>
public sealed class BindingReuseTests
{
    [Fact]
    public async Task Given_the_binding_check_ran_When_the_scenario_runs_Then_each_step_runs_with_the_binding_the_check_made()
    {
        // Given
        var cancellationToken = TestContext.Current.CancellationToken;
        var configuration = RunnerConfiguration.Default with { StopRunOnBindingErrors = true };
        using var run = StandaloneRun.Create([("features/reuse.feature", "Feature: F\n  Scenario: S\n    Given 3 apples\n    When I eat 2 apples\n")], [typeof(Steps)], configuration);
        var scenario = run.Features.Single().Scenarios.Single();
        await run.StartAsync([scenario], cancellationToken);
        run.StartFailure.Should().BeNull();
        var checkedSteps = run.Environment.Bind(scenario).Steps;
        var feature = await run.StartFeatureAsync(run.Features.Single(), cancellationToken);

        // When
        var result = await run.RunScenarioAsync(scenario, feature, null, cancellationToken);
        await run.FinishAsync(cancellationToken);

        // Then
        result.Status.Should().Be(TestStepResultStatus.Passed);
        result.Outcomes.Select(o => o.Binding).Should().HaveCount(2).And.SatisfyRespectively(
            first => first.Should().BeSameAs(checkedSteps[0]),
            second => second.Should().BeSameAs(checkedSteps[1]));
    }

    [Fact]
    public async Task Given_two_scenarios_with_the_same_step_text_When_they_run_Then_both_steps_share_one_match_and_report_the_same_arguments()
    {
        // Given
        const string feature = "Feature: F\n  Scenario: A\n    Given 3 apples\n  Scenario: B\n    Given 3 apples\n    When I eat 2 apples\n";

        // When
        var (results, messages, _) = await EngineHarness.RunAsync(feature, [typeof(Steps)]);

        // Then
        results.Select(r => r.Status).Should().Equal(TestStepResultStatus.Passed, TestStepResultStatus.Passed);
        var first = results[0].Outcomes[0].Binding!.Match;
        var second = results[1].Outcomes[0].Binding!.Match;
        second.Should().BeSameAs(first, "matching depends on the text only, so its groups are made once per text");
        results[1].Outcomes[1].Binding!.Match.Should().NotBeSameAs(first);
        var arguments = messages.Where(m => m.TestCase is not null).Select(m => m.TestCase!.TestSteps[0].StepMatchArgumentsLists!.Single().StepMatchArguments.Single().Group.Value).ToArray();
        arguments.Should().Equal("3", "3");
    }

    [Binding]
    public sealed class Steps
    {
        [Given("{int} apples")]
        public void Apples(int count) => count.Should().Be(3);

        [When("I eat {int} apples")]
        public void Eat(int count) => count.Should().Be(2);
    }
}
