namespace Alpy.Runner;

/// <summary>Defines a When (action) step; And/But steps after one match it too.</summary>
public sealed class WhenAttribute(string? expression = null) : StepDefinitionBaseAttribute(expression, StepKinds.When);
