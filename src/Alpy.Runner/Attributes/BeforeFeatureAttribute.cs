namespace Alpy.Runner;

/// <summary>Runs before the first scenario of each feature. The method must be static.</summary>
public sealed class BeforeFeatureAttribute(params string[] tags) : HookAttribute(HookKind.BeforeFeature, tags);
