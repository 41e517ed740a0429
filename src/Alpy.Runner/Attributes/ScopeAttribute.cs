namespace Alpy.Runner;

/// <summary>
/// Restricts step definitions and hooks of a class or method to scenarios with a tag, of a feature,
/// or of a scenario title. Several scopes widen (any may match); the properties of one scope narrow
/// (all that are set must match). A scoped step definition wins over an unscoped one.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScopeAttribute : Attribute
{
    /// <summary>A tag (with or without @) or a tag expression such as <c>@slow and not @wip</c>.</summary>
    public string? Tag { get; set; }

    /// <summary>The feature's title.</summary>
    public string? Feature { get; set; }

    /// <summary>The scenario's title (for an outline, its title before substitution).</summary>
    public string? Scenario { get; set; }
}
