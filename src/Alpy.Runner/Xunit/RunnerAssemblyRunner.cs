using System.Collections.Concurrent;
using System.Reflection;
using Alpy.Runner.Features;
using Xunit.Sdk;
using Xunit.v3;

namespace Alpy.Runner.Xunit;

/// <summary>
/// Wraps xUnit's assembly run in the test run: starts it (message header, binding check,
/// [BeforeTestRun] hooks) with the scenarios xUnit selected, lets xUnit run the features in file
/// order, and finishes it ([AfterTestRun] hooks, <c>testRunFinished</c>, reports) even after
/// failures. Problems outside scenarios are reported as assembly cleanup failures, so the run fails.
/// </summary>
internal sealed class RunnerAssemblyRunner : XunitTestAssemblyRunner
{
    private static readonly ConcurrentDictionary<Assembly, bool> Running = new();

    /// <summary>Whether this assembly's run was started by this runner (so scenarios may run).</summary>
    public static bool IsRunning(Assembly assembly) => Running.ContainsKey(assembly);

    protected override List<(IXunitTestCollection Collection, List<IXunitTestCase> TestCases)> OrderTestCollections(XunitTestAssemblyRunnerContext ctxt)
    {
        // Features run in the order of their files (other collections after them, as xUnit orders them).
        var ordered = base.OrderTestCollections(ctxt);
        return ordered
            .Select((entry, index) => (entry, index, uri: entry.TestCases.Select(FeatureUri).FirstOrDefault(u => u is not null)))
            .OrderBy(x => x.uri is null ? 1 : 0)
            .ThenBy(x => x.uri, StringComparer.Ordinal)
            .ThenBy(x => x.index)
            .Select(x => x.entry)
            .ToList();
    }

    protected override async ValueTask<RunSummary> RunTestCollections(XunitTestAssemblyRunnerContext ctxt, Exception? exception)
    {
        var assembly = ctxt.TestAssembly.Assembly;
        var scenarioCases = ctxt.TestCases.Where(t => t is not ExecutionErrorTestCase && FeatureUri(t) is not null).ToArray();
        if (scenarioCases.Length == 0)
        {
            return await base.RunTestCollections(ctxt, exception).ConfigureAwait(false);
        }

        var host = RunnerHost.For(assembly);
        Execution.TestRun? run = null;
        IReadOnlyList<Bindings.BindingError> bindingErrors = [];
        if (exception is null && host.DiscoveryProblem is null)
        {
            try
            {
                run = host.Run;
                foreach (var warning in host.Configuration.Warnings)
                {
                    ctxt.MessageBus.QueueMessage(new DiagnosticMessage { Message = warning });
                }

                await run.StartAsync(Plan(host, scenarioCases), ctxt.CancellationTokenSource.Token).ConfigureAwait(false);
                Running[assembly] = true;
                bindingErrors = run.Environment.Registry.Errors;
            }
            catch (Exception e)
            {
                exception = e;
            }
        }

        try
        {
            return await base.RunTestCollections(ctxt, exception).ConfigureAwait(false);
        }
        finally
        {
            if (run is not null)
            {
                await run.FinishAsync(CancellationToken.None).ConfigureAwait(false);
                // An invalid binding is an error even when no scenario needed it.
                foreach (var problem in bindingErrors.Select(e => $"Invalid binding {e}").Concat(run.RunProblems))
                {
                    // At normal verbosity `dotnet test` prints only the type's name; detailed verbosity and the TRX show the message.
                    await OnTestAssemblyCleanupFailure(ctxt, new TestRunCleanupFailedException(problem)).ConfigureAwait(false);
                }
            }

            Running.TryRemove(assembly, out _);
        }
    }

    private static List<ScenarioCase> Plan(RunnerHost host, IEnumerable<IXunitTestCase> testCases)
    {
        var plan = new List<ScenarioCase>();
        foreach (var testCase in testCases.Where(t => t.SkipReason is null))
        {
            if (FeatureUri(testCase) is { } uri && host.Feature(uri) is { } feature && testCase is XunitTestCase { TestMethodArguments: [int line, ..] } && feature.FindScenario(line) is { } scenario)
            {
                plan.Add(scenario);
            }
        }

        return plan.OrderBy(s => s.Feature.Uri, StringComparer.Ordinal).ThenBy(s => s.Line).ToList();
    }

    private static string? FeatureUri(IXunitTestCase testCase) =>
        testCase.TestMethod.Method.IsDefined(typeof(ScenarioAttribute)) ? testCase.TestClass.Class.GetCustomAttribute<FeatureFileAttribute>()?.Uri : null;
}

/// <summary>A problem of the test run outside any scenario (an [AfterTestRun] or [AfterFeature] hook, a report).</summary>
internal sealed class TestRunCleanupFailedException(string message) : Exception(message);
