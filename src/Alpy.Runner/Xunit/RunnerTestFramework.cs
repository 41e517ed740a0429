using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Alpy.Runner.Xunit;

/// <summary>
/// xUnit v3's own framework with one addition: the executor knows which scenarios xUnit will run
/// (after filters and sharding) before the first one starts, so that the message stream lists
/// exactly them and test-run hooks run once around them. Plain [Fact] tests run as usual.
/// </summary>
public sealed class RunnerTestFramework : XunitTestFramework
{
    private readonly string? configFileName;

    // xUnit creates frameworks with the parameterless constructor (or the one taking the config file).
    public RunnerTestFramework()
    {
    }

    public RunnerTestFramework(string? configFileName)
        : base(configFileName) => this.configFileName = configFileName;

    public override string TestFrameworkDisplayName => "Alpy.Runner on " + base.TestFrameworkDisplayName;

    protected override ITestFrameworkExecutor CreateExecutor(Assembly assembly) =>
        new RunnerTestFrameworkExecutor(new XunitTestAssembly(assembly, configFileName, assembly.GetName().Version, null));
}

/// <summary>Runs test cases through <see cref="RunnerAssemblyRunner"/>.</summary>
internal sealed class RunnerTestFrameworkExecutor(IXunitTestAssembly testAssembly) : XunitTestFrameworkExecutor(testAssembly)
{
    public override async ValueTask RunTestCases(IReadOnlyCollection<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions, CancellationToken cancellationToken)
    {
        using (new global::Xunit.Internal.PreserveWorkingFolder(TestAssembly))
        {
            await new RunnerAssemblyRunner().Run(TestAssembly, testCases, executionMessageSink, executionOptions, cancellationToken).ConfigureAwait(false);
        }
    }
}
