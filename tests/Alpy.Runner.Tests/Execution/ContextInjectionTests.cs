using Alpy.Runner.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Tests.Execution;

public sealed class ContextInjectionTests
{
    private static readonly List<string> Log = [];

    [Fact]
    public async Task Given_two_binding_classes_asking_for_a_POCO_When_scenarios_run_Then_they_share_one_per_scenario_and_it_is_disposed()
    {
        // Given
        Log.Clear();
        const string feature = """
            @smoke
            Feature: Injection
              Scenario: first
                Given the shared state is remembered
                Then the other class sees it
              Scenario: second
                Given the shared state is remembered
                Then the other class sees it
            """;

        // When
        var (results, _, _) = await EngineHarness.RunAsync(feature, [typeof(Writer), typeof(Reader)]);

        // Then: one State per scenario, shared by both classes, disposed (in reverse order of creation) when the scenario ends
        results.Select(r => r.Status).Should().AllBe(TestStepResultStatus.Passed);
        Log.Should().Equal(
            "first at features/test.feature:4 tags smoke", "seen first", "async disposed AsyncState", "disposed State",
            "second at features/test.feature:7 tags smoke", "seen second", "async disposed AsyncState", "disposed State");
    }

    [Fact]
    public async Task Given_a_ScenarioDependencies_method_When_a_binding_asks_for_a_registered_service_Then_it_gets_it()
    {
        Log.Clear();

        var (results, _, _) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given the lab is ready\n", [typeof(UsesRegisteredService)]);

        results.Single().Status.Should().Be(TestStepResultStatus.Passed);
        Log.Should().Equal("lab 42");
    }

    [Fact]
    public async Task Given_a_ScenarioDependencies_method_that_throws_When_the_run_starts_Then_the_run_ends_with_the_error()
    {
        var (results, messages, run) = await EngineHarness.RunAsync("Feature: F\n  Scenario: S\n    Given the lab is ready\n", [typeof(BrokenDependencies)]);

        results.Should().BeEmpty();
        run.StartFailure.Should().Contain("Whoops!");
        var finished = messages[^1].TestRunFinished!;
        finished.Success.Should().BeFalse();
        finished.Message.Should().Contain("Whoops!");
        messages.Should().NotContain(m => m.TestCase != null);
    }

    public sealed class State : IDisposable
    {
        public string? Value { get; set; }

        public void Dispose() => Log.Add("disposed State");
    }

    public sealed class AsyncState : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Log.Add("async disposed AsyncState");
            return ValueTask.CompletedTask;
        }
    }

    [Binding]
    public sealed class Writer(State state, AsyncState unused, ScenarioContext scenario)
    {
        [Given("the shared state is remembered")]
        public void Remember()
        {
            _ = unused;
            state.Value = scenario.ScenarioInfo.Title;
            Log.Add($"{scenario.ScenarioInfo.Title} at {scenario.StepContext!.Location} tags {string.Join(",", scenario.ScenarioInfo.CombinedTags)}");
        }
    }

    [Binding]
    public sealed class Reader(State state)
    {
        [Then("the other class sees it")]
        public void Sees() => Log.Add("seen " + state.Value);
    }

    public sealed record Lab(int Id);

    [Binding]
    public sealed class UsesRegisteredService(Lab lab)
    {
        [ScenarioDependencies]
        public static void Register(IServiceCollection services) => services.AddSingleton(new Lab(42));

        [Given("the lab is ready")]
        public void Ready() => Log.Add("lab " + lab.Id);
    }

    [Binding]
    public sealed class BrokenDependencies
    {
        [ScenarioDependencies]
        public static void Register(IServiceCollection services) => throw new InvalidOperationException("Whoops!");

        [Given("the lab is ready")]
        public void Ready()
        {
        }
    }
}
