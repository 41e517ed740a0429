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

    /// <summary>What the scope belongs to, for errors; a scenario's scope is described by its scenario only when an error needs it.</summary>
    public string? Description { get; set; }

    public T Require<T>(T? value, string name)
        where T : class =>
        value ?? throw new InvalidOperationException($"{name} is not available in {Describe()}. It exists only while a {(name == nameof(ScenarioContext) ? "scenario" : "feature")} runs.");

    private string Describe() => Description ?? (Scenario is { } scenario ? $"scenario \"{scenario.ScenarioInfo.Title}\"" : "the test run");
}
