using Alpy.Runner.Configuration;
using Alpy.Runner.Execution;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.Execution;

/// <summary>Runs feature text with the given binding classes through the engine, keeping every message.</summary>
internal static class EngineHarness
{
    public static async Task<(IReadOnlyList<ScenarioResult> Results, IReadOnlyList<Envelope> Messages, TestRun Run)> RunAsync(
        string feature, IEnumerable<Type> bindings, RunnerConfiguration? configuration = null)
    {
        var memory = new MemoryFormatter();
        var run = StandaloneRun.Create([("features/test.feature", feature)], bindings, configuration, [memory], new IncrementingIdGenerator());
        var results = await run.RunAllAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (results, memory.Envelopes, run);
    }

    public static IEnumerable<TestStepFinished> StepsFinished(this IEnumerable<Envelope> messages) =>
        messages.Where(m => m.TestStepFinished is not null).Select(m => m.TestStepFinished!);
}
