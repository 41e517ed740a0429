using Alpy.Runner.Bindings;
using Alpy.Runner.Configuration;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Execution;

/// <summary>
/// Runs features without xUnit, in file order, one scenario at a time: the same engine the xUnit
/// integration drives, for the conformance test, the benchmark and tools.
/// </summary>
internal static class StandaloneRun
{
    public static TestRun Create(
        IEnumerable<(string Uri, string Source)> features,
        IEnumerable<Type> bindingTypes,
        RunnerConfiguration? configuration = null,
        IReadOnlyList<Formatter>? formatters = null,
        IIdGenerator? ids = null,
        TimeProvider? clock = null,
        IReadOnlyDictionary<Formatter, string?>? outputPaths = null)
    {
        configuration ??= RunnerConfiguration.Default;
        ids ??= new UuidIdGenerator();
        var parsed = features.Select(f => FeatureParser.Parse(f.Uri, f.Source, configuration.FeatureLanguage, ids)).ToArray();
        return Create(parsed, bindingTypes, configuration, formatters, ids, clock, outputPaths);
    }

    /// <summary>A run over features parsed already (they can serve several runs).</summary>
    public static TestRun Create(
        IReadOnlyList<FeatureFile> parsed,
        IEnumerable<Type> bindingTypes,
        RunnerConfiguration? configuration = null,
        IReadOnlyList<Formatter>? formatters = null,
        IIdGenerator? ids = null,
        TimeProvider? clock = null,
        IReadOnlyDictionary<Formatter, string?>? outputPaths = null)
    {
        configuration ??= RunnerConfiguration.Default;
        ids ??= new UuidIdGenerator();
        var registry = BindingScanner.Scan(bindingTypes, ids);
        formatters ??= [];
        var paths = formatters.ToDictionary(f => f, f => outputPaths?.GetValueOrDefault(f));
        var options = new TestRunOptions(parsed, registry, configuration, formatters, paths, ids, clock ?? TimeProvider.System, "standalone");
        return new TestRun(options);
    }

    /// <summary>Runs every scenario of every feature (in reverse, as Cucumber's <c>--order reverse</c>, when asked); failures are results, not exceptions.</summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunAllAsync(this TestRun run, bool reverse = false, CancellationToken cancellationToken = default)
    {
        var scenarios = run.Features.SelectMany(f => f.Scenarios).ToArray();
        await run.StartAsync(scenarios, cancellationToken).ConfigureAwait(false);
        var results = new List<ScenarioResult>();
        if (run.StartFailure is null)
        {
            var features = run.Features.Where(f => f.Scenarios.Count > 0);
            foreach (var feature in reverse ? features.Reverse() : features)
            {
                var execution = await run.StartFeatureAsync(feature, cancellationToken).ConfigureAwait(false);
                foreach (var scenario in reverse ? feature.Scenarios.Reverse() : feature.Scenarios)
                {
                    results.Add(await run.RunScenarioAsync(scenario, execution, null, cancellationToken).ConfigureAwait(false));
                }

                await run.FinishFeatureAsync(execution, cancellationToken).ConfigureAwait(false);
            }
        }

        await run.FinishAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>Binds every scenario without running anything.</summary>
    public static DryRunReport DryRun(this TestRun run) =>
        DryRunReport.Create(run.Environment, run.Features.SelectMany(f => f.Scenarios), run.Features);
}

/// <summary>Keeps every message in memory (tests and tools read them back).</summary>
internal sealed class MemoryFormatter : Formatter
{
    private readonly List<Envelope> envelopes = [];

    public override string Name => "memory";

    public IReadOnlyList<Envelope> Envelopes => envelopes;

    public override void Write(Envelope envelope) => envelopes.Add(envelope);
}
