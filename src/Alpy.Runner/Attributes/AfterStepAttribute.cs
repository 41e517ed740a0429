namespace Alpy.Runner;

/// <summary>Runs after each step that ran.</summary>
public sealed class AfterStepAttribute(params string[] tags) : HookAttribute(HookKind.AfterStep, tags);
