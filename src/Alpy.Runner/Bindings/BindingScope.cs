using Alpy.Runner.Features;

namespace Alpy.Runner.Bindings;

/// <summary>One <see cref="ScopeAttribute"/>: every property that is set must match.</summary>
internal sealed record BindingScope(TagExpression? Tag, string? Feature, string? Scenario)
{
    public bool Matches(ScenarioCase scenario, ISet<string> tags) =>
        (Tag is null || Tag.Matches(tags))
        && (Feature is null || string.Equals(Feature, scenario.Feature.Name, StringComparison.Ordinal))
        && (Scenario is null || string.Equals(Scenario, scenario.Definition.Name, StringComparison.Ordinal) || string.Equals(Scenario, scenario.Title, StringComparison.Ordinal));

    /// <summary>Whether any of the scopes matches; no scopes means everywhere.</summary>
    public static bool AnyMatches(IReadOnlyList<BindingScope> scopes, ScenarioCase scenario, ISet<string> tags) =>
        scopes.Count == 0 || scopes.Any(s => s.Matches(scenario, tags));

    public override string ToString() =>
        "[Scope(" + string.Join(", ", new[] { Tag is null ? null : $"Tag = \"{Tag}\"", Feature is null ? null : $"Feature = \"{Feature}\"", Scenario is null ? null : $"Scenario = \"{Scenario}\"" }.Where(p => p is not null)) + ")]";
}
