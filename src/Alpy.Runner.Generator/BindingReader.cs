using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Alpy.Runner.Expressions;
using Microsoft.CodeAnalysis;

namespace Alpy.Runner.Generator;

/// <summary>
/// Reads step definitions from the compilation's symbols — the test project's own [Binding]
/// classes and those of reqnroll.json's bindingAssemblies — and compiles their expressions with
/// the runtime's own code, so build-time checks and the run agree.
/// </summary>
internal static class BindingReader
{
    private const string Namespace = "Alpy.Runner";

    public static BindingSet Read(Compilation compilation, ConfigurationModel configuration, CancellationToken cancellationToken)
    {
        var assemblies = new List<IAssemblySymbol> { compilation.Assembly };
        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (configuration.BindingAssemblies.Contains(reference.Name, StringComparer.OrdinalIgnoreCase))
            {
                assemblies.Add(reference);
            }
        }

        var types = assemblies.SelectMany(a => AllTypes(a.GlobalNamespace)).ToArray();
        var bindingTypes = types.Where(IsBinding).ToArray();
        if (bindingTypes.Length == 0 && compilation.GetTypeByMetadataName(Namespace + ".BindingAttribute") is null)
        {
            return BindingSet.Empty; // not a runner project
        }

        var customTypes = new List<ParameterType>();
        foreach (var method in bindingTypes.SelectMany(t => t.GetMembers().OfType<IMethodSymbol>()))
        {
            foreach (var attribute in method.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == Namespace + ".StepArgumentTransformationAttribute"))
            {
                if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string regex)
                {
                    var name = attribute.NamedArguments.FirstOrDefault(n => n.Key == "Name").Value.Value as string ?? method.ReturnType.Name;
                    customTypes.Add(new ParameterType(name, new[] { RegexAnchors.Strip(regex) }, isBuiltIn: false));
                }
            }
        }

        var definitions = new List<StepDefinitionInfo>();
        var errors = new List<string>();
        foreach (var type in bindingTypes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                foreach (var attribute in method.GetAttributes())
                {
                    if (Kind(attribute.AttributeClass) is not { } kind)
                    {
                        continue;
                    }

                    var expression = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
                    var expressionType = attribute.NamedArguments.FirstOrDefault(n => n.Key == "ExpressionType").Value.Value is int t ? (ExpressionType)t : ExpressionType.Unspecified;
                    var scoped = method.GetAttributes().Concat(type.GetAttributes()).Any(a => a.AttributeClass?.ToDisplayString() == Namespace + ".ScopeAttribute");
                    var display = type.ToDisplayString() + "." + method.Name;
                    try
                    {
                        var pattern = Compile(expression, expressionType, method, customTypes, types);
                        definitions.Add(new StepDefinitionInfo(kind, expression ?? method.Name, display, scoped, pattern));
                    }
                    catch (Exception e) when (e is ExpressionException or ArgumentException)
                    {
                        errors.Add(display + ": " + e.Message);
                    }
                }
            }
        }

        return new BindingSet(definitions, errors);
    }

    private static string Compile(string? expression, ExpressionType type, IMethodSymbol method, List<ParameterType> customTypes, INamedTypeSymbol[] types)
    {
        if (expression is null)
        {
            return "(?i)" + RegexAnchors.Anchor(MethodNamePattern.From(method.Name, method.Parameters.Select(p => p.Name)));
        }

        if ((type == ExpressionType.Unspecified ? ExpressionClassifier.Classify(expression) : type) == ExpressionType.RegularExpression)
        {
            var regex = RegexAnchors.Anchor(expression);
            _ = new Regex(regex); // throws ArgumentException when invalid
            return regex;
        }

        return CucumberExpressionCompiler.Compile(expression, name =>
            BuiltInParameterTypes.Find(name)
            ?? customTypes.FirstOrDefault(c => c.Name == name)
            ?? EnumType(name, method.Parameters.Select(p => p.Type).Concat(types))).Regex;
    }

    private static ParameterType? EnumType(string name, IEnumerable<ITypeSymbol> candidates)
    {
        var symbol = candidates.OfType<INamedTypeSymbol>().Select(t => t.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? t.TypeArguments[0] as INamedTypeSymbol : t)
            .FirstOrDefault(t => t is { TypeKind: TypeKind.Enum } && (t.Name == name || t.ToDisplayString() == name));
        if (symbol is null)
        {
            return null;
        }

        var members = symbol.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).OrderByDescending(n => n.Length).Select(Regex.Escape);
        return new ParameterType(name, new[] { "(?i:" + string.Join("|", members) + ")" }, isBuiltIn: false);
    }

    private static string? Kind(INamedTypeSymbol? attribute)
    {
        if (attribute is null || attribute.ContainingNamespace?.ToDisplayString() != Namespace)
        {
            return null;
        }

        return attribute.Name switch
        {
            "GivenAttribute" => "Given",
            "WhenAttribute" => "When",
            "ThenAttribute" => "Then",
            "StepDefinitionAttribute" => "Any",
            _ => null,
        };
    }

    private static bool IsBinding(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Namespace + ".BindingAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol root)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    yield return type;
                    pending.Push(type);
                }
            }
        }
    }

}

/// <summary>A step definition as the build sees it.</summary>
internal sealed class StepDefinitionInfo
{
    public StepDefinitionInfo(string kind, string expression, string method, bool scoped, string pattern)
    {
        Kind = kind;
        Expression = expression;
        Method = method;
        Scoped = scoped;
        Pattern = pattern;
    }

    public string Kind { get; }

    public string Expression { get; }

    public string Method { get; }

    public bool Scoped { get; }

    public string Pattern { get; }
}

/// <summary>The step definitions of a compilation; equal when nothing relevant changed, so checks are not redone.</summary>
internal sealed class BindingSet : IEquatable<BindingSet>
{
    private readonly string key;

    public BindingSet(IReadOnlyList<StepDefinitionInfo> definitions, IReadOnlyList<string> errors)
    {
        Definitions = definitions;
        Errors = errors;
        key = string.Join("\n", definitions.Select(d => d.Kind + "|" + d.Pattern + "|" + d.Method + "|" + d.Scoped)) + "\n#" + string.Join("\n", errors);
    }

    public static BindingSet Empty { get; } = new(Array.Empty<StepDefinitionInfo>(), Array.Empty<string>());

    public IReadOnlyList<StepDefinitionInfo> Definitions { get; }

    public IReadOnlyList<string> Errors { get; }

    public bool Equals(BindingSet? other) => other is not null && key == other.key;

    public override bool Equals(object? obj) => Equals(obj as BindingSet);

    public override int GetHashCode() => key.GetHashCode();
}
