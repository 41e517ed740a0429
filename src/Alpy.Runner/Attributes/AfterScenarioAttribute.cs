namespace Alpy.Runner;

/// <summary>Runs after each scenario, also when it failed.</summary>
public sealed class AfterScenarioAttribute(params string[] tags) : HookAttribute(HookKind.AfterScenario, tags);
