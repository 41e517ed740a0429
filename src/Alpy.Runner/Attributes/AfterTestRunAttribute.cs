namespace Alpy.Runner;

/// <summary>Runs once after the last scenario of the test run, also after failures. The method must be static.</summary>
public sealed class AfterTestRunAttribute() : HookAttribute(HookKind.AfterTestRun, []);
