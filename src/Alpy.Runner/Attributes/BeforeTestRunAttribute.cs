namespace Alpy.Runner;

/// <summary>Runs once before the first scenario of the test run. The method must be static.</summary>
public sealed class BeforeTestRunAttribute() : HookAttribute(HookKind.BeforeTestRun, []);
