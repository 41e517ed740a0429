using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CucumberExpressions;

namespace Alpy.Specs.Analyzers;

/// <summary>
/// The Cucumber Expression parameter types as Reqnroll 3.3.4 registers them (its CucumberExpressionParameterTypeRegistry):
/// {} {word} {string}; the .NET types it converts by name ({Int32} ..., aliases {int} {long} {byte} {float} {double}
/// {decimal}); enums used by step methods, by full name; and every [StepArgumentTransformation], by its Name or, unset,
/// by its return type's full name. A name not found whole is looked up as the end of a full name ({Color}).
/// </summary>
internal sealed class ParameterTypes : IParameterTypeRegistry
{
    private readonly Dictionary<string, IParameterType> _byName = new(StringComparer.Ordinal);

    public ParameterTypes(IEnumerable<Transformation> transformations, IEnumerable<string> enumTypes)
    {
        Add("", ParameterTypeConstants.AnonymousParameterRegex);
        Add(ParameterTypeConstants.WordParameterName, ParameterTypeConstants.WordParameterRegex);
        Add(ParameterTypeConstants.StringParameterName, ParameterTypeConstants.AnonymousParameterRegex); // see ReqnrollExpression
        foreach (var name in new[] { "Byte", "Int16", "Int32", "Int64", "byte", "int", "long" })
            Add(name, ParameterTypeConstants.IntParameterRegex);
        foreach (var name in new[] { "Double", "Single", "Decimal", "float", "double", "decimal" })
            Add(name, ParameterTypeConstants.FloatParameterRegex);
        foreach (var name in new[] { "Boolean", "Char", "DateTime", "Guid" })
            Add(name, ParameterTypeConstants.AnonymousParameterRegex);
        foreach (var name in enumTypes)
            Add(name, ParameterTypeConstants.AnonymousParameterRegex);
        foreach (var transformation in transformations)
            Add(transformation.Name, ExpressionRegex(transformation.Regex));
    }

    public IParameterType? LookupByTypeName(string name)
    {
        if (_byName.TryGetValue(name, out var type))
            return type;
        var ends = _byName.Where(p => p.Key.EndsWith("." + name, StringComparison.Ordinal) || p.Key.EndsWith("+" + name, StringComparison.Ordinal)).ToList();
        return ends.Count == 1 ? ends[0].Value : null;
    }

    public IEnumerable<IParameterType> GetParameterTypes() => _byName.Values;

    /// <summary>
    /// A transformation's regex as a parameter type's, as Reqnroll makes it: capture groups made non-capturing and the
    /// whole wrapped in one group; a regex with "(?" or "\(" (or none) is "too complex" and matches anything.
    /// </summary>
    internal static string ExpressionRegex(string? transformationRegex)
    {
        if (transformationRegex is null)
            return ParameterTypeConstants.AnonymousParameterRegex;
        var regex = transformationRegex.TrimStart('^').TrimEnd('$');
        if (Regex.IsMatch(regex, @"\(\?|\\\("))
            return ParameterTypeConstants.AnonymousParameterRegex;
        var wrapped = $"({regex.Replace("(", "(?:")})";
        try
        {
            _ = new Regex(wrapped);
            return wrapped;
        }
        catch (ArgumentException)
        {
            return ParameterTypeConstants.AnonymousParameterRegex;
        }
    }

    private void Add(string name, string regex)
    {
        if (!_byName.ContainsKey(name))
            _byName[name] = new NamedType(name, regex);
    }

    private sealed class NamedType(string name, string regex) : IParameterType
    {
        public string[] RegexStrings { get; } = [regex];

        public string Name { get; } = name;

        public Type ParameterType => typeof(object);

        public int Weight => 0;

        public bool UseForSnippets => false;
    }
}

/// <summary>A [StepArgumentTransformation]: its parameter type name, its regex (as written) and the type it returns.</summary>
internal sealed record Transformation(string Name, string? Regex, string ReturnType);

/// <summary>A Cucumber Expression as Reqnroll compiles it: {string} takes "double" or 'single' quotes, one group each.</summary>
internal sealed class ReqnrollExpression(string expression, IParameterTypeRegistry registry) : CucumberExpression(expression, registry)
{
    protected override bool HandleStringType(string name, IParameterType parameterType, out string[] regexps, out bool shouldWrapWithCaptureGroup)
    {
        regexps = ParameterTypeConstants.StringParameterRegexps;
        shouldWrapWithCaptureGroup = false;
        return true;
    }
}
