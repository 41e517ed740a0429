using System.Collections.Generic;

namespace Alpy.Runner.Expressions;

/// <summary>
/// A Cucumber Expression parameter type: the name written between braces and the regular
/// expressions that a step's text must match at that place.
/// </summary>
internal sealed class ParameterType
{
    public ParameterType(string name, IReadOnlyList<string> regexes, bool isBuiltIn, bool useForSnippets = false, bool preferForRegexMatch = false)
    {
        Name = name;
        Regexes = regexes;
        IsBuiltIn = isBuiltIn;
        UseForSnippets = useForSnippets;
        PreferForRegexMatch = preferForRegexMatch;
    }

    public string Name { get; }

    public IReadOnlyList<string> Regexes { get; }

    public bool IsBuiltIn { get; }

    public bool UseForSnippets { get; }

    public bool PreferForRegexMatch { get; }

    /// <summary>The capturing group that stands for this parameter in a compiled expression.</summary>
    public string ToCaptureGroup() =>
        Regexes.Count == 1 ? "(" + Regexes[0] + ")" : "((?:" + string.Join(")|(?:", Regexes) + "))";
}
