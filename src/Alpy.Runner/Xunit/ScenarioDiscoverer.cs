using System.Reflection;
using Alpy.Runner.Features;
using Xunit.Sdk;
using Xunit.v3;

namespace Alpy.Runner.Xunit;

/// <summary>
/// Turns a scenario method into test cases: one per scenario, one per examples row of an
/// outline, named by the scenario's title (and row values), with tags as <c>Category</c> traits,
/// the feature's title as a <c>Feature</c> trait, and <c>@ignore</c> as skipped. Scenarios outside
/// the selected shard are not discovered at all; a bad shard or configuration is a failing test.
/// </summary>
public sealed class ScenarioDiscoverer : IXunitTestCaseDiscoverer
{
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var attribute = (ScenarioAttribute)factAttribute;
        var testClass = testMethod.TestClass.Class;
        var host = RunnerHost.For(testClass.Assembly);
        var uri = testClass.GetCustomAttribute<FeatureFileAttribute>()?.Uri;
        if (uri is null)
        {
            return Error(testMethod, "The class has no [FeatureFile]; scenario methods must live in generated feature classes.");
        }

        if (host.DiscoveryProblem is { } problem)
        {
            return Error(testMethod, problem);
        }

        if (!host.IsInShard(uri))
        {
            return new([]);
        }

        var feature = host.Feature(uri);
        var scenarios = feature?.Scenarios.Where(s => s.Definition.Location.Line == attribute.Line).ToArray() ?? [];
        if (scenarios.Length == 0)
        {
            return Error(testMethod, $"{uri}:{attribute.Line} has no scenario. The test assembly is out of date with its feature files: rebuild it.");
        }

        var testCases = scenarios.Select(s => (IXunitTestCase)Create(testMethod, s, host.SourcePath(uri))).ToArray();
        return new(testCases);
    }

    private static XunitTestCase Create(IXunitTestMethod testMethod, ScenarioCase scenario, string? sourcePath)
    {
        var arguments = new object?[] { scenario.Line };
        var traits = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Feature"] = new(StringComparer.OrdinalIgnoreCase) { scenario.Feature.Name },
        };
        if (scenario.Tags.Count > 0)
        {
            traits["Category"] = scenario.Tags.Select(t => t.TrimStart('@')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        var ignored = scenario.Tags.Any(t => string.Equals(t, "@ignore", StringComparison.OrdinalIgnoreCase));
        return new XunitTestCase(
            testMethod,
            scenario.DisplayName,
            UniqueIDGenerator.ForTestCase(testMethod.UniqueID, null, arguments),
            @explicit: false,
            skipExceptions: null,
            skipReason: ignored ? $"Ignored with @ignore ({scenario.Position})" : null,
            skipType: null,
            skipUnless: null,
            skipWhen: null,
            traits,
            arguments,
            sourceFilePath: sourcePath,
            sourceLineNumber: scenario.Line,
            timeout: null);
    }

    private static ValueTask<IReadOnlyCollection<IXunitTestCase>> Error(IXunitTestMethod testMethod, string message) =>
        new([new ExecutionErrorTestCase(testMethod, testMethod.Method.Name, UniqueIDGenerator.ForTestCase(testMethod.UniqueID, null, null), null, null, message)]);
}
