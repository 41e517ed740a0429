namespace Alpy.Runner;

/// <summary>Short name of <see cref="BeforeScenarioAttribute"/>.</summary>
public sealed class BeforeAttribute(params string[] tags) : HookAttribute(HookKind.BeforeScenario, tags);
