using Alpy.Runner.Output;

namespace Alpy.Runner.Execution;

/// <summary>
/// What a dependency-injection scope belongs to: the test run (its hooks), a feature (its hooks)
/// or a scenario. Contexts that do not exist in a scope are reported clearly when asked for.
/// </summary>
internal sealed class ExecutionScope
{
    public TestRunContext? TestRun { get; set; }

    public FeatureContext? Feature { get; set; }

    public ScenarioContext? Scenario { get; set; }

    public IOutputTarget? Output { get; set; }

    public string Description { get; set; } = "the test run";

    public T Require<T>(T? value, string name)
        where T : class =>
        value ?? throw new InvalidOperationException($"{name} is not available in {Description}. It exists only while a {(name == nameof(ScenarioContext) ? "scenario" : "feature")} runs.");
}
