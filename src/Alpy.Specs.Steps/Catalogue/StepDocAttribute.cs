namespace Alpy.Specs.Steps.Catalogue;

/// <summary>Documents a step definition for the step catalogue (docs/steps.md): what it does and an example.</summary>
/// <param name="summary">What the step does, in the reader's words.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepDocAttribute(string summary) : Attribute
{
    public string Summary { get; } = summary;

    /// <summary>An example step as a feature writes it, keyword included.</summary>
    public string Example { get; set; } = "";

    /// <summary>
    /// The same step with IPv6 addresses, for steps that take an address (a table's rows on the lines after the step);
    /// the catalogue shows it under <see cref="Example"/>.
    /// </summary>
    public string? Ipv6Example { get; set; }

    /// <summary>The example's table or doc string lines, if the step takes one.</summary>
    public string? Argument { get; set; }

    /// <summary>The section of the catalogue it belongs to.</summary>
    public string Section { get; set; } = "";
}
