namespace Alpy.Runner;

/// <summary>Runs after the last scenario of each feature. The method must be static.</summary>
public sealed class AfterFeatureAttribute(params string[] tags) : HookAttribute(HookKind.AfterFeature, tags);
