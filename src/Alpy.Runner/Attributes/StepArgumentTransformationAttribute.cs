namespace Alpy.Runner;

/// <summary>
/// Marks a method that turns step text (or a table) into a value of its return type. With a
/// regular expression it also defines a Cucumber Expression parameter type, named
/// <see cref="Name"/> or, when unset, after the return type (<c>{Money}</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StepArgumentTransformationAttribute(string? regex = null) : Attribute
{
    /// <summary>The text this transformation accepts; its capture groups are the method's arguments.</summary>
    public string? Regex { get; } = regex;

    /// <summary>The Cucumber Expression parameter type name, e.g. <c>flight</c> for <c>{flight}</c>.</summary>
    public string? Name { get; set; }
}
