namespace Alpy.Runner;

/// <summary>Runs before each step.</summary>
public sealed class BeforeStepAttribute(params string[] tags) : HookAttribute(HookKind.BeforeStep, tags);
