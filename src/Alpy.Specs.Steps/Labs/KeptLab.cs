namespace Alpy.Specs.Steps.Labs;

/// <summary>A lab set aside for a person to investigate, with the instructions printed for it.</summary>
public sealed record KeptLab(string RunId, string Why, string Instructions)
{
    internal PooledLab? Entry { get; init; }
}
