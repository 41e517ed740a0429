namespace Alpy.Runner;

/// <summary>Defines a Then (outcome) step; And/But steps after one match it too.</summary>
public sealed class ThenAttribute(string? expression = null) : StepDefinitionBaseAttribute(expression, StepKinds.Then);
