using Alpy.Runner.Features;

namespace Alpy.Runner.Execution;

/// <summary>A feature whose [BeforeFeature] hooks ran; <see cref="Failure"/> says why its scenarios cannot run.</summary>
internal sealed class FeatureExecution(FeatureFile feature, FeatureContext context)
{
    public FeatureFile Feature { get; } = feature;

    public FeatureContext Context { get; } = context;

    public string? Failure { get; set; }
}
