using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Alpy.Capture;

/// <summary>
/// A predicate's source-like text for failure messages: Expression.ToString() with the compiler's nullable
/// conversions and closure classes removed ("frame.DestinationPort == 88" rather than
/// "Convert(frame.DestinationPort, Nullable`1) == Convert(88, Nullable`1)").
/// </summary>
internal static partial class PredicateText
{
    public static string Describe(LambdaExpression predicate)
    {
        string text = predicate.Body.ToString();
        string previous;
        do
        {
            previous = text;
            text = Conversion().Replace(text, "$1");
        }
        while (text != previous);

        return Closure().Replace(text, string.Empty);
    }

    /// <summary>Convert(inner, Type) where inner has balanced parentheses.</summary>
    [GeneratedRegex(@"Convert\(((?:[^()]|\((?<depth>)|\)(?<-depth>))*?(?(depth)(?!))), [\w`.\[\]]+\)")]
    private static partial Regex Conversion();

    [GeneratedRegex(@"value\([^)]*\)\.")]
    private static partial Regex Closure();
}
