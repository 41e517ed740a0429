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

    [Binding]
    public sealed class Steps
    {
        [Given("{int} apples")]
        public void Apples(int count) => count.Should().Be(3);

        [When("I eat {int} apples")]
        public void Eat(int count) => count.Should().Be(2);
    }
}
