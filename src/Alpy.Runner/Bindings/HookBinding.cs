using System.Reflection;
using Alpy.Runner.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Bindings;

/// <summary>A hook ready to run: kind, order, tag filter and scopes.</summary>
internal sealed class HookBinding(string id, HookKind kind, MethodInfo method, int order, TagExpression? tags, IReadOnlyList<BindingScope> scopes, string? name, int definitionIndex)
{
    public string Id { get; } = id;

    public HookKind Kind { get; } = kind;

    public MethodInfo Method { get; } = method;

    public int Order { get; } = order;

    public TagExpression? Tags { get; } = tags;

    public IReadOnlyList<BindingScope> Scopes { get; } = scopes;

    public string? Name { get; } = name;

    /// <summary>Position in source order, which breaks ties between equal orders.</summary>
    public int DefinitionIndex { get; } = definitionIndex;

    public BindingInvoker Invoker { get; } = new(method);

    // Read once: reflection on every scenario and step would be most of a cheap hook's cost.
    private readonly Type[] parameterTypes = Array.ConvertAll(method.GetParameters(), p => p.ParameterType);

    /// <summary>The method's arguments, each injected from <paramref name="services"/>.</summary>
    public object?[] ArgumentsFrom(IServiceProvider services)
    {
        var arguments = new object?[parameterTypes.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = services.GetRequiredService(parameterTypes[i]);
        }

        return arguments;
    }

    public string Description => $"[{Kind}] {MethodDescription.Describe(Method)}";

    public bool AppliesTo(ScenarioCase scenario, ISet<string> tags) =>
        (Tags is null || Tags.Matches(tags)) && BindingScope.AnyMatches(Scopes, scenario, tags);

    /// <summary>Whether a feature-level hook applies: its tags and scopes are read against the feature.</summary>
    public bool AppliesTo(FeatureFile feature)
    {
        var tags = new HashSet<string>(feature.Tags, StringComparer.Ordinal);
        return (Tags is null || Tags.Matches(tags))
            && (Scopes.Count == 0 || Scopes.Any(s => (s.Tag is null || s.Tag.Matches(tags)) && (s.Feature is null || s.Feature == feature.Name)));
    }
}
