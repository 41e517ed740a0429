namespace Alpy.Runner;

/// <summary>Defines a Given (context) step; And/But steps after one match it too.</summary>
public sealed class GivenAttribute(string? expression = null) : StepDefinitionBaseAttribute(expression, StepKinds.Given);
