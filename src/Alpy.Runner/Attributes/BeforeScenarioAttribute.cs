namespace Alpy.Runner;

/// <summary>Runs before each scenario.</summary>
public sealed class BeforeScenarioAttribute(params string[] tags) : HookAttribute(HookKind.BeforeScenario, tags);
