using System.Globalization;
using Xunit.Sdk;
using Xunit.v3;

namespace Alpy.Specs.Steps.Plugin;

/// <summary>
/// Runs a feature's scenarios in the order of the feature file, as readers of the feature and of the run's progress
/// expect (xUnit's default order is by test ID: stable, but unrelated to the file). Reqnroll generates one test method
/// per scenario in file order, and an outline's rows carry their pickle index (<c>__pickleIndex</c>), which is their
/// order in the file. Register it in a suite assembly: <c>[assembly: TestCaseOrderer(typeof(FeatureFileOrder))]</c>.
/// </summary>
public sealed class FeatureFileOrder : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        [.. testCases.OrderBy(t => t.TestMethodMetadataToken ?? 0).ThenBy(t => PickleIndex(t))];

    // The method's place in its class comes first: metadata tokens grow in declaration order.

    /// <summary>An outline row's pickle index (the argument Reqnroll names <c>__pickleIndex</c>); 0 for a scenario.</summary>
    private static int PickleIndex(ITestCase testCase)
    {
        if (testCase is not XunitTestCase { TestMethodArguments: { } arguments } xunit)
            return 0;
        var parameters = xunit.TestMethod.Method.GetParameters();
        var index = Array.FindIndex(parameters, p => p.Name == "__pickleIndex");
        return index >= 0 && index < arguments.Length && int.TryParse(arguments[index] as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;
    }
}
