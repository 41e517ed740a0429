using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Alpy.Runner.Expressions;

/// <summary>
/// Reqnroll's matching without an expression: the method name is the step text, words split by
/// underscores (or PascalCase), a leading keyword dropped, and <c>P0</c>, <c>P1</c> ... or a
/// parameter's name in capitals standing for a value. The result is a regex (matched ignoring case).
/// </summary>
internal static class MethodNamePattern
{
    private static readonly string[] Keywords = { "Given", "When", "Then", "And", "But" };
    private static readonly Regex PascalBoundary = new("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", RegexOptions.CultureInvariant);
    private static readonly char[] Underscore = { '_' };
    private static readonly Regex Placeholder = new("^P[0-9]+$", RegexOptions.CultureInvariant);

    public static string From(string methodName, IEnumerable<string> parameterNames)
    {
        var words = methodName.Any(c => c == '_')
            ? methodName.Split(Underscore, StringSplitOptions.RemoveEmptyEntries)
            : PascalBoundary.Split(methodName);
        var start = words.Length > 1 && Keywords.Any(k => string.Equals(k, words[0], StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
        var parameters = new HashSet<string>(parameterNames, StringComparer.OrdinalIgnoreCase);
        var pattern = new StringBuilder();
        for (var i = start; i < words.Length; i++)
        {
            if (pattern.Length > 0)
            {
                pattern.Append(' ');
            }

            var word = words[i];
            var isParameter = Placeholder.IsMatch(word) || (parameters.Contains(word) && word.All(c => !char.IsLetter(c) || char.IsUpper(c)));
            pattern.Append(isParameter ? "(.*)" : Regex.Escape(word));
        }

        return pattern.ToString();
    }
}
