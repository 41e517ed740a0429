using System.Linq;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Alpy.Specs.Analyzers;

/// <summary>The kind of step a definition binds, as Reqnroll's StepDefinitionType (a [StepDefinition] binds all three).</summary>
internal enum StepKind
{
    Given,
    When,
    Then,
}

/// <summary>
/// One step definition as Reqnroll binds it: its kinds, its expression compiled to the regex Reqnroll matches with, and,
/// per capture group, the transformations that could convert the captured text (Reqnroll keeps only the definitions
/// whose arguments it can convert, so a lenient parameter type does not make a step ambiguous).
/// </summary>
internal sealed class StepBinding(IReadOnlyCollection<StepKind> kinds, string expression, string method, Regex regex, IReadOnlyList<IReadOnlyList<Regex>?> converters)
{
    public IReadOnlyCollection<StepKind> Kinds { get; } = kinds;

    public string Expression { get; } = expression;

    /// <summary>Type.Method, for messages.</summary>
    public string Method { get; } = method;

    public Regex Regex { get; } = regex;

    /// <summary>
    /// Per argument, the anchored regexes of the [StepArgumentTransformation]s returning its parameter's type (any one
    /// matching converts it), or null when Reqnroll converts that type itself.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Regex>?> Converters { get; } = converters;

    /// <summary>Whether Reqnroll would bind <paramref name="text"/> of kind <paramref name="kind"/> to this definition.</summary>
    public bool Binds(StepKind kind, string text)
    {
        if (!Kinds.Contains(kind))
            return false;
        var match = Regex.Match(text);
        if (!match.Success)
            return false;

        // Reqnroll's arguments are the groups that took part in the match ({string} has one group per quote style).
        var arguments = new List<string>();
        for (var g = 1; g < match.Groups.Count; g++)
        {
            if (match.Groups[g].Success)
                arguments.Add(match.Groups[g].Value);
        }

        for (var i = 0; i < Converters.Count && i < arguments.Count; i++)
        {
            if (Converters[i] is { } converters && !converters.Exists(r => r.IsMatch(arguments[i])))
                return false;
        }

        return true;
    }
}

internal static class ListExtensions
{
    public static bool Exists<T>(this IReadOnlyList<T> list, System.Func<T, bool> predicate)
    {
        foreach (var item in list)
        {
            if (predicate(item))
                return true;
        }

        return false;
    }
}
