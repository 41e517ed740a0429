namespace Alpy.Specs.Steps.Catalogue;

/// <summary>Documents a step parameter type for the step catalogue: what it accepts and examples.</summary>
/// <param name="summary">What the parameter accepts.</param>
/// <param name="examples">Values as a feature writes them.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ParameterDocAttribute(string summary, params string[] examples) : Attribute
{
    public string Summary { get; } = summary;

    public IReadOnlyList<string> Examples { get; } = examples;
}
