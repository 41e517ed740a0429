using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Alpy.Runner.Expressions;
using Alpy.Runner.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Bindings;

/// <summary>
/// Finds the bindings of [Binding] classes by reflection and checks each one. A binding that
/// cannot be used (invalid expression, bad hook signature, unsupported parameter, duplicate) is
/// collected as a <see cref="BindingError"/> naming the method, never thrown, so that one mistake
/// does not hide the others.
/// </summary>
internal sealed class BindingScanner
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private readonly IIdGenerator ids;
    private readonly List<BindingError> errors = [];
    private readonly List<StepArgumentTransformationBinding> transformations = [];
    private readonly List<(ParameterType, StepArgumentTransformationBinding)> customTypes = [];
    private readonly List<(string, string)> undefinedTypes = [];
    private readonly Dictionary<string, ParameterType> enumTypes = new(StringComparer.Ordinal);
    private IReadOnlyList<Type> allTypes = [];

    private BindingScanner(IIdGenerator ids) => this.ids = ids;

    public static BindingRegistry Scan(IEnumerable<Assembly> assemblies, IIdGenerator ids)
    {
        var types = new List<Type>();
        foreach (var assembly in assemblies.Distinct())
        {
            types.AddRange(LoadableTypes(assembly));
        }

        return Scan(types, ids);
    }

    public static BindingRegistry Scan(IEnumerable<Type> types, IIdGenerator ids) => new BindingScanner(ids).Build(types.ToArray());

    private BindingRegistry Build(Type[] types)
    {
        allTypes = types;
        var bindingTypes = types.Where(IsBinding).OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
        var methods = bindingTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .OrderBy(m => m.MetadataToken)).ToArray();

        // Transformations first: they define parameter types that step expressions use.
        foreach (var method in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<StepArgumentTransformationAttribute>())
            {
                AddTransformation(method, attribute);
            }
        }

        var steps = new List<StepDefinitionBinding>();
        var hooks = new List<HookBinding>();
        var dependencies = new List<MethodInfo>();
        foreach (var method in methods)
        {
            var scopes = Scopes(method);
            foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>())
            {
                if (CreateStep(method, attribute, scopes) is { } step)
                {
                    steps.Add(step);
                }
            }

            foreach (var attribute in method.GetCustomAttributes<HookAttribute>())
            {
                if (CreateHook(method, attribute, scopes, hooks.Count) is { } hook)
                {
                    hooks.Add(hook);
                }
            }

            if (method.GetCustomAttribute<ScenarioDependenciesAttribute>() is not null)
            {
                if (method.IsStatic && method.GetParameters() is [{ ParameterType: var p }] && p == typeof(IServiceCollection) && method.ReturnType == typeof(void))
                {
                    dependencies.Add(method);
                }
                else
                {
                    Error(method, "a [ScenarioDependencies] method must be `static void M(IServiceCollection services)`.");
                }
            }
        }

        ReportDuplicates(steps);
        return new BindingRegistry
        {
            StepDefinitions = steps,
            Hooks = hooks,
            Transformations = transformations,
            CustomParameterTypes = customTypes,
            UndefinedParameterTypes = undefinedTypes,
            DependencyMethods = dependencies,
            BindingTypes = bindingTypes.Where(t => !t.IsAbstract || !t.IsSealed).ToArray(),
            Errors = errors,
        };
    }

    private static bool IsBinding(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsDefined(typeof(BindingAttribute), inherit: false))
            {
                return type.IsClass && !type.IsAbstract || type.IsAbstract && type.IsSealed;
            }
        }

        return false;
    }

    private void AddTransformation(MethodInfo method, StepArgumentTransformationAttribute attribute)
    {
        if (method.ReturnType == typeof(void) || typeof(Task).IsAssignableFrom(method.ReturnType))
        {
            Error(method, "a [StepArgumentTransformation] must return the converted value synchronously (not void or a Task).");
            return;
        }

        if (method.GetParameters().Length == 0 || method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            Error(method, "a [StepArgumentTransformation] takes the text (string parameters, one per capture group) or a DataTable.");
            return;
        }

        Regex? regex = null;
        if (attribute.Regex is not null)
        {
            try
            {
                regex = new Regex(RegexAnchors.Anchor(attribute.Regex), Options);
            }
            catch (ArgumentException e)
            {
                Error(method, $"the regular expression \"{attribute.Regex}\" of [StepArgumentTransformation] is invalid: {e.Message}");
                return;
            }
        }

        var name = regex is null ? null : attribute.Name ?? method.ReturnType.Name;
        var binding = new StepArgumentTransformationBinding(method, regex, name);
        transformations.Add(binding);
        if (name is not null)
        {
            if (BuiltInParameterTypes.Find(name) is not null || customTypes.Any(c => c.Item1.Name == name))
            {
                Error(method, $"the parameter type {{{name}}} is already defined; give this transformation another Name.");
                return;
            }

            customTypes.Add((new ParameterType(name, [RegexAnchors.Strip(attribute.Regex!)], isBuiltIn: false, useForSnippets: true), binding));
        }
    }

    private StepDefinitionBinding? CreateStep(MethodInfo method, StepDefinitionBaseAttribute attribute, IReadOnlyList<BindingScope> scopes)
    {
        if (!CheckCallable(method, "step definition"))
        {
            return null;
        }

        var text = attribute.Expression ?? MethodNamePattern.From(method.Name, method.GetParameters().Select(p => p.Name ?? string.Empty));
        var kind = attribute.ExpressionType == ExpressionType.Unspecified ? ExpressionClassifier.Classify(text) : attribute.ExpressionType;
        Regex regex;
        IReadOnlyList<ParameterType?> parameterTypes;
        try
        {
            if (kind == ExpressionType.RegularExpression || attribute.Expression is null)
            {
                var options = attribute.Expression is null ? Options | RegexOptions.IgnoreCase : Options;
                regex = new Regex(RegexAnchors.Anchor(text), options);
                parameterTypes = [];
            }
            else
            {
                var compiled = CucumberExpressionCompiler.Compile(text, name => ResolveParameterType(name, method));
                regex = new Regex(compiled.Regex, Options);
                parameterTypes = compiled.Parameters;
            }
        }
        catch (UndefinedParameterTypeException e)
        {
            undefinedTypes.Add((e.ParameterTypeName, text));
            Error(method, e.Message);
            return null;
        }
        catch (ExpressionException e)
        {
            Error(method, e.Message);
            return null;
        }
        catch (ArgumentException e)
        {
            Error(method, $"the regular expression \"{text}\" is invalid: {e.Message}");
            return null;
        }

        var captures = GroupShape.Parse(regex.ToString()).Count;
        var slots = Slots(method, captures, text);
        return slots is null
            ? null
            : new StepDefinitionBinding(ids.NewId(), method, attribute.Kinds, text, kind == ExpressionType.RegularExpression || attribute.Expression is null, regex, parameterTypes, scopes, slots);
    }

    private List<ParameterSlot>? Slots(MethodInfo method, int captures, string expression)
    {
        var parameters = method.GetParameters();
        var slots = new List<ParameterSlot>();
        var valueParameters = parameters.Where(p => p.ParameterType != typeof(CancellationToken)).ToArray();
        if (valueParameters.Length != captures && valueParameters.Length != captures + 1)
        {
            Error(method, $"the expression \"{expression}\" has {captures} parameter(s) but the method takes {valueParameters.Length} " +
                          $"({string.Join(", ", valueParameters.Select(p => p.ParameterType.Name + " " + p.Name))}). " +
                          "Take one parameter per expression parameter, plus a last DataTable or string for a data table or doc string.");
            return null;
        }

        var capture = 0;
        var ok = true;
        foreach (var parameter in parameters)
        {
            var type = parameter.ParameterType;
            if (type == typeof(CancellationToken))
            {
                slots.Add(new ParameterSlot(SlotSource.CancellationToken, -1, type, parameter.Name ?? "cancellationToken"));
            }
            else if (capture < captures)
            {
                if (!CanConvertFromText(type))
                {
                    Error(method, $"parameter {type.Name} {parameter.Name} cannot be made from step text. Use string, a number, bool, an enum, Guid, DateTime, TimeSpan, " +
                                  $"or add a [StepArgumentTransformation] method that returns {type.Name}.");
                    ok = false;
                }

                slots.Add(new ParameterSlot(SlotSource.Capture, capture++, type, parameter.Name ?? "p" + capture));
            }
            else
            {
                if (type != typeof(DataTable) && type != typeof(string) && type != typeof(object) && !transformations.Any(t => t.TakesTable && type.IsAssignableFrom(t.ReturnType)))
                {
                    Error(method, $"the last parameter {type.Name} {parameter.Name} takes the step's data table or doc string, so it must be DataTable or string " +
                                  $"(or a type with a [StepArgumentTransformation] from DataTable).");
                    ok = false;
                }

                slots.Add(new ParameterSlot(SlotSource.StepArgument, -1, type, parameter.Name ?? "argument"));
            }
        }

        return ok ? slots : null;
    }

    private bool CanConvertFromText(Type type) =>
        ArgumentConverter.IsBuiltIn(type) || transformations.Any(t => !t.TakesTable && type.IsAssignableFrom(t.ReturnType));

    private ParameterType? ResolveParameterType(string name, MethodInfo method)
    {
        if (BuiltInParameterTypes.Find(name) is { } builtIn)
        {
            return builtIn;
        }

        foreach (var (type, _) in customTypes)
        {
            if (type.Name == name)
            {
                return type;
            }
        }

        if (enumTypes.TryGetValue(name, out var known))
        {
            return known;
        }

        // An enum by name (with or without namespace): the method's parameters first, then the binding assemblies.
        var candidates = method.GetParameters().Select(p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).Concat(allTypes);
        var enumType = candidates.FirstOrDefault(t => t.IsEnum && (t.Name == name || t.FullName == name));
        if (enumType is null)
        {
            return null;
        }

        var names = Enum.GetNames(enumType).OrderByDescending(n => n.Length).Select(Regex.Escape);
        var parameterType = new ParameterType(name, ["(?i:" + string.Join("|", names) + ")"], isBuiltIn: false);
        enumTypes[name] = parameterType;
        return parameterType;
    }

    private HookBinding? CreateHook(MethodInfo method, HookAttribute attribute, IReadOnlyList<BindingScope> scopes, int index)
    {
        if (!CheckCallable(method, "hook"))
        {
            return null;
        }

        var needsStatic = attribute.Kind is HookKind.BeforeTestRun or HookKind.AfterTestRun or HookKind.BeforeFeature or HookKind.AfterFeature;
        if (needsStatic && !method.IsStatic)
        {
            Error(method, $"a [{attribute.Kind}] hook must be static, because it runs outside any scenario.");
            return null;
        }

        TagExpression? tags;
        try
        {
            tags = TagExpression.AnyOf(attribute.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).ToArray());
        }
        catch (FormatException e)
        {
            Error(method, e.Message);
            return null;
        }

        return new HookBinding(ids.NewId(), attribute.Kind, method, attribute.Order, tags, scopes, attribute.Name, index);
    }

    private bool CheckCallable(MethodInfo method, string what)
    {
        if (method.IsGenericMethodDefinition)
        {
            Error(method, $"a {what} cannot be a generic method.");
            return false;
        }

        if (method.GetParameters().FirstOrDefault(p => p.ParameterType.IsByRef || p.ParameterType.IsPointer) is { } bad)
        {
            Error(method, $"parameter {bad.Name} is ref, out or a pointer; a {what} takes plain values.");
            return false;
        }

        if (method.ReturnType == typeof(void) && method.IsDefined(typeof(AsyncStateMachineAttribute)))
        {
            Error(method, $"an async void {what} cannot be awaited and its exceptions are lost; return Task instead.");
            return false;
        }

        return true;
    }

    private List<BindingScope> Scopes(MethodInfo method)
    {
        var attributes = method.GetCustomAttributes<ScopeAttribute>().ToList();
        if (attributes.Count == 0)
        {
            attributes.AddRange(method.DeclaringType!.GetCustomAttributes<ScopeAttribute>(inherit: true));
        }

        var scopes = new List<BindingScope>();
        foreach (var scope in attributes)
        {
            try
            {
                scopes.Add(new BindingScope(string.IsNullOrWhiteSpace(scope.Tag) ? null : TagExpression.Parse(scope.Tag), scope.Feature, scope.Scenario));
            }
            catch (FormatException e)
            {
                Error(method, "[Scope]: " + e.Message);
            }
        }

        return scopes;
    }

    private void ReportDuplicates(List<StepDefinitionBinding> steps)
    {
        foreach (var group in steps.GroupBy(s => (s.Expression, s.Kinds, Scopes: string.Join(";", s.Scopes))))
        {
            var methods = group.ToArray();
            if (methods.Length > 1)
            {
                foreach (var step in methods.Skip(1))
                {
                    Error(step.Method, $"{step.Attribute} is also defined by {MethodDescription.Describe(methods[0].Method)}; steps using it are ambiguous. Remove one, or [Scope] them apart.");
                }
            }
        }
    }

    private void Error(MethodInfo method, string problem) => errors.Add(new BindingError(MethodDescription.Describe(method), problem));

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }
}
