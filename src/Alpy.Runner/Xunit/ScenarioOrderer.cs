using Xunit.Sdk;
using Xunit.v3;

namespace Alpy.Runner.Xunit;

/// <summary>Runs a feature's scenarios in file order (by line), so reports read like the feature.</summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(t => t.SourceLineNumber ?? int.MaxValue).ThenBy(t => t.UniqueID, StringComparer.Ordinal).ToArray();
}
