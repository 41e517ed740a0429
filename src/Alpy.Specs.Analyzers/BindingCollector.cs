using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CucumberExpressions;
using Microsoft.CodeAnalysis;

namespace Alpy.Specs.Analyzers;

/// <summary>
/// Reads Reqnroll's bindings from the compilation: every public [Binding] type of the compilation itself and of the
/// assemblies it references that use Reqnroll (the step library), its step definition attributes and its
/// [StepArgumentTransformation]s, as Reqnroll's runtime would find them by reflection.
/// </summary>
internal static class BindingCollector
{
    private const string Reqnroll = "Reqnroll";

    /// <summary>The step definitions, and for each that cannot be compiled, the method and why.</summary>
    public static (IReadOnlyList<StepBinding> Bindings, IReadOnlyList<(IMethodSymbol Method, string Problem)> Invalid) Collect(Compilation compilation)
    {
        var types = BindingTypes(compilation).ToList();
        var methods = types.SelectMany(t => t.GetMembers().OfType<IMethodSymbol>()).Where(m => m.DeclaredAccessibility == Accessibility.Public).ToList();
        var transformations = methods.SelectMany(Transformations).ToList();
        var enums = methods.Where(m => Definitions(m).Any()).SelectMany(m => m.Parameters)
            .Where(p => p.Type.TypeKind == TypeKind.Enum).Select(p => FullName(p.Type)).Distinct();
        var registry = new ParameterTypes(transformations.Select(t => t.Transformation), enums);

        var bindings = new List<StepBinding>();
        var invalid = new List<(IMethodSymbol, string)>();
        foreach (var method in methods)
        {
            foreach (var (kinds, expression) in Definitions(method))
            {
                if (expression is null)
                    continue; // named by the method (Given_I_have_P0_cukes): not checked at build time
                try
                {
                    var regex = IsCucumberExpression(expression)
                        ? new ReqnrollExpression(expression, registry).Regex
                        : new Regex(WholeText(expression), RegexOptions.CultureInvariant);
                    var converters = method.Parameters.Select(p => Converters(transformations, p.Type)).ToList();
                    bindings.Add(new StepBinding(kinds, expression, $"{method.ContainingType.Name}.{method.Name}", regex, converters));
                }
                catch (Exception e) when (e is CucumberExpressionException or ArgumentException)
                {
                    invalid.Add((method, $"its expression \"{expression}\" cannot be used: {e.Message}"));
                }
            }
        }

        return (bindings, invalid);
    }

    /// <summary>Reqnroll's CucumberExpressionDetector: regex markers (^...$, (x+), .*, \d+, \.) make an expression a regex.</summary>
    internal static bool IsCucumberExpression(string expression)
    {
        if (expression.StartsWith("^", StringComparison.Ordinal) || expression.EndsWith("$", StringComparison.Ordinal))
            return false;
        if (Regex.IsMatch(expression, @"{\w*}"))
            return true;
        return !Regex.IsMatch(expression, @"(\([^\)]+[\*\+]\)|\.\*)") && !Regex.IsMatch(expression, @"(\\\.|\\d\+)");
    }

    private static string WholeText(string regex) => (regex.StartsWith("^", StringComparison.Ordinal) ? "" : "^") + regex + (regex.EndsWith("$", StringComparison.Ordinal) ? "" : "$");

    private static IEnumerable<INamedTypeSymbol> BindingTypes(Compilation compilation)
    {
        var assemblies = new[] { compilation.Assembly }.Concat(compilation.SourceModule.ReferencedAssemblySymbols
            .Where(a => a.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == Reqnroll))));
        return assemblies.SelectMany(a => Types(a.GlobalNamespace))
            .Where(t => t.DeclaredAccessibility == Accessibility.Public && t.GetAttributes().Any(a => Is(a.AttributeClass, "Reqnroll.BindingAttribute")));
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns) =>
        ns.GetTypeMembers().SelectMany(Nested).Concat(ns.GetNamespaceMembers().SelectMany(Types));

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) => new[] { type }.Concat(type.GetTypeMembers().SelectMany(Nested));

    /// <summary>[Given], [When], [Then] and [StepDefinition] (and Reqnroll's subclasses of StepDefinitionBaseAttribute): kinds and expression.</summary>
    private static IEnumerable<(IReadOnlyCollection<StepKind> Kinds, string? Expression)> Definitions(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            StepKind[]? kinds = Name(attribute.AttributeClass) switch
            {
                "Reqnroll.GivenAttribute" => [StepKind.Given],
                "Reqnroll.WhenAttribute" => [StepKind.When],
                "Reqnroll.ThenAttribute" => [StepKind.Then],
                "Reqnroll.StepDefinitionAttribute" => [StepKind.Given, StepKind.When, StepKind.Then],
                _ => null,
            };
            if (kinds is not null)
                yield return (kinds, attribute.ConstructorArguments.FirstOrDefault().Value as string);
        }
    }

    private static IEnumerable<(Transformation Transformation, ITypeSymbol Returns, Regex? Whole)> Transformations(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes().Where(a => Is(a.AttributeClass, "Reqnroll.StepArgumentTransformationAttribute")))
        {
            var regex = attribute.ConstructorArguments.FirstOrDefault().Value as string
                        ?? attribute.NamedArguments.FirstOrDefault(n => n.Key == "Regex").Value.Value as string;
            var name = attribute.NamedArguments.FirstOrDefault(n => n.Key == "Name").Value.Value as string;
            var returns = Awaited(method.ReturnType);
            name = string.IsNullOrEmpty(name) || name == returns.Name ? FullName(returns) : name;
            Regex? whole = null;
            try
            {
                whole = regex is null ? null : new Regex(WholeText(regex), RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                // Reqnroll fails such a transformation at run time; here it converts nothing.
            }

            yield return (new Transformation(name!, regex is null ? null : WholeText(regex), FullName(returns)), returns, whole);
        }
    }

    /// <summary>The transformations that convert text to <paramref name="type"/>; null when Reqnroll converts it by itself.</summary>
    private static List<Regex>? Converters(List<(Transformation Transformation, ITypeSymbol Returns, Regex? Whole)> transformations, ITypeSymbol type)
    {
        var own = transformations.Where(t => SymbolEqualityComparer.Default.Equals(t.Returns, type)).ToList();
        return own.Count == 0 || own.Any(t => t.Whole is null) ? null : own.Select(t => t.Whole!).ToList();
    }

    private static ITypeSymbol Awaited(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && named.Name is "Task" or "ValueTask" ? named.TypeArguments[0] : type;

    private static bool Is(INamedTypeSymbol? type, string fullName)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (Name(t) == fullName)
                return true;
        }

        return false;
    }

    private static string Name(INamedTypeSymbol? type) => type is null ? "" : type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");

    private static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");
}
