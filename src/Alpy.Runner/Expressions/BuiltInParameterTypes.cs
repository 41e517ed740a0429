using System;
using System.Collections.Generic;

namespace Alpy.Runner.Expressions;

/// <summary>
/// The parameter types every Cucumber Expression knows, with the regular expressions of the
/// Cucumber reference implementation so that match groups (and messages) come out the same.
/// </summary>
internal static class BuiltInParameterTypes
{
    private static readonly string[] IntegerRegexes = [@"-?\d+", @"\d+"];
    private static readonly string[] FloatRegexes = [@"(?=.*\d.*)[-+]?\d*(?:\.(?=\d.*))?\d*(?:\d+[E][+-]?\d+)?"];

    public static IReadOnlyList<ParameterType> All { get; } =
    [
        new("int", IntegerRegexes, isBuiltIn: true, useForSnippets: true),
        new("float", FloatRegexes, isBuiltIn: true, useForSnippets: true),
        new("word", [@"[^\s]+"], isBuiltIn: true),
        new("string", [@"""([^""\\]*(\\.[^""\\]*)*)""|'([^'\\]*(\\.[^'\\]*)*)'"], isBuiltIn: true, useForSnippets: true),
        new("", [".*"], isBuiltIn: true),
        new("long", IntegerRegexes, isBuiltIn: true),
        new("byte", IntegerRegexes, isBuiltIn: true),
        new("short", IntegerRegexes, isBuiltIn: true),
        new("biginteger", IntegerRegexes, isBuiltIn: true),
        new("double", FloatRegexes, isBuiltIn: true),
        new("decimal", FloatRegexes, isBuiltIn: true),
        new("bigdecimal", FloatRegexes, isBuiltIn: true),
        // Reqnroll's additions for .NET.
        new("DateTime", [".*"], isBuiltIn: true),
        new("Guid", [@"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"], isBuiltIn: true),
    ];

    public static ParameterType? Find(string name)
    {
        foreach (var type in All)
        {
            if (string.Equals(type.Name, name, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return null;
    }
}
