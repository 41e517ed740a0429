using System.Reflection;
using Alpy.Runner.Execution;
using Alpy.Runner.Features;

namespace Alpy.Runner.Xunit;

/// <summary>
/// The class fixture of a generated feature class: runs the feature's [BeforeFeature] hooks
/// before its first scenario and [AfterFeature] hooks after its last, and runs each scenario.
/// </summary>
/// <typeparam name="TFeature">The generated feature class (it carries [FeatureFile]).</typeparam>
public sealed class FeatureFixture<TFeature> : IAsyncLifetime
{
    private RunnerHost? host;
    private FeatureFile? feature;
    private FeatureExecution? execution;

    public async ValueTask InitializeAsync()
    {
        host = RunnerHost.For(typeof(TFeature).Assembly);
        var uri = typeof(TFeature).GetCustomAttribute<FeatureFileAttribute>()?.Uri
            ?? throw new InvalidOperationException($"{typeof(TFeature).FullName} has no [FeatureFile]; only generated feature classes use FeatureFixture.");
        feature = host.Feature(uri) ?? throw new InvalidOperationException($"The test assembly has no feature \"{uri}\"; rebuild it.");
        if (RunnerAssemblyRunner.IsRunning(typeof(TFeature).Assembly))
        {
            execution = await host.Run.StartFeatureAsync(feature, TestContext.Current.CancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (execution is null)
        {
            return;
        }

        var failures = await host!.Run.FinishFeatureAsync(execution, TestContext.Current.CancellationToken).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            throw new AggregateException($"The [AfterFeature] hooks of {feature!.Uri} failed.", failures);
        }
    }

    /// <summary>Runs the scenario (or examples row) that starts at <paramref name="line"/>.</summary>
    public async Task RunScenarioAsync(int line)
    {
        if (execution is null)
        {
            throw new InvalidOperationException(
                "The Alpy runner's test framework is not active, so the test run (and its [BeforeTestRun] hooks) never started. " +
                "The source generator adds [assembly: Xunit.TestFramework(typeof(Alpy.Runner.Xunit.RunnerTestFramework))]; remove any other TestFramework attribute.");
        }

        var scenario = feature!.FindScenario(line) ?? throw new InvalidOperationException($"{feature.Uri}:{line} has no scenario; rebuild the test assembly.");
        var context = TestContext.Current;
        var result = await host!.Run.RunScenarioAsync(scenario, execution, new XunitScenarioObserver(context), context.CancellationToken).ConfigureAwait(false);
        ScenarioOutcome.Report(result, host.Configuration, host.Run.Environment.Registry.Errors);
    }
}
