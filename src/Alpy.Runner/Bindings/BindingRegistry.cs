using System.Reflection;
using Alpy.Runner.Expressions;

namespace Alpy.Runner.Bindings;

/// <summary>
/// Everything the binding assemblies define: step definitions, hooks, transformations, parameter
/// types, dependency registrations, and the bindings that could not be used (with why).
/// </summary>
internal sealed class BindingRegistry
{
    public required IReadOnlyList<StepDefinitionBinding> StepDefinitions { get; init; }

    public required IReadOnlyList<HookBinding> Hooks { get; init; }

    public required IReadOnlyList<StepArgumentTransformationBinding> Transformations { get; init; }

    /// <summary>Parameter types defined by transformations with a regex, with the transformation behind each.</summary>
    public required IReadOnlyList<(ParameterType Type, StepArgumentTransformationBinding Transformation)> CustomParameterTypes { get; init; }

    /// <summary>The transformation behind a custom parameter type, by the type's name.</summary>
    public StepArgumentTransformationBinding? CustomTransformation(string name)
    {
        foreach (var (type, transformation) in CustomParameterTypes)
        {
            if (type.Name == name)
            {
                return transformation;
            }
        }

        return null;
    }

    /// <summary>Parameter type names that expressions used but nobody defined, with the expression.</summary>
    public required IReadOnlyList<(string Name, string Expression)> UndefinedParameterTypes { get; init; }

    /// <summary>[ScenarioDependencies] methods.</summary>
    public required IReadOnlyList<MethodInfo> DependencyMethods { get; init; }

    /// <summary>The [Binding] classes, registered per scenario for context injection.</summary>
    public required IReadOnlyList<Type> BindingTypes { get; init; }

    public required IReadOnlyList<BindingError> Errors { get; init; }

    private readonly Dictionary<HookKind, HookBinding[]> hooksByKind = [];

    /// <summary>The hooks of a kind in the order they run: by Order, then source order (reversed for after-hooks, as Cucumber does).</summary>
    public IReadOnlyList<HookBinding> HooksOf(HookKind kind)
    {
        lock (hooksByKind)
        {
            if (!hooksByKind.TryGetValue(kind, out var hooks))
            {
                var isAfter = kind is HookKind.AfterTestRun or HookKind.AfterFeature or HookKind.AfterScenario or HookKind.AfterStep;
                var ofKind = Hooks.Where(h => h.Kind == kind);
                hooks = (isAfter
                    ? ofKind.OrderBy(h => h.Order).ThenByDescending(h => h.DefinitionIndex)
                    : ofKind.OrderBy(h => h.Order).ThenBy(h => h.DefinitionIndex)).ToArray();
                hooksByKind[kind] = hooks;
            }

            return hooks;
        }
    }
}
