namespace Alpy.Runner;

/// <summary>Defines a step that matches under any keyword (Given, When or Then).</summary>
public sealed class StepDefinitionAttribute(string? expression = null) : StepDefinitionBaseAttribute(expression, StepKinds.Any);
