namespace Alpy.Runner;

/// <summary>Short name of <see cref="AfterScenarioAttribute"/>.</summary>
public sealed class AfterAttribute(params string[] tags) : HookAttribute(HookKind.AfterScenario, tags);
