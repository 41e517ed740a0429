namespace Alpy.Runner;

/// <summary>Values shared across the whole test run, e.g. by [BeforeTestRun] hooks.</summary>
public sealed class TestRunContext : RunnerContext
{
    internal TestRunContext(string testAssemblyName) => TestAssemblyName = testAssemblyName;

    /// <summary>The name of the assembly whose scenarios run.</summary>
    public string TestAssemblyName { get; }
}
