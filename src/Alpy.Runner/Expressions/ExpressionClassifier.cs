using System.Text.RegularExpressions;

namespace Alpy.Runner.Expressions;

/// <summary>
/// Decides whether an expression without an explicit <see cref="ExpressionType"/> is a regular
/// expression or a Cucumber Expression, with Reqnroll's rules: anchors force a regex, a
/// <c>{parameter}</c> forces a Cucumber Expression, typical regex constructs make a regex, and
/// anything else is a Cucumber Expression.
/// </summary>
internal static class ExpressionClassifier
{
    private static readonly Regex ParameterLike = new(@"\{[A-Za-z_][\w.]*\}|\{\}", RegexOptions.CultureInvariant);
    private static readonly Regex RegexLike = new(@"\(\.[*+]\)|\.[*+]\??|\\[dDwWsSbB.]|\[[^\]]*\]|\(\?|[^\\]\|[^/]*\)|\+\)|\*\)|\\\(|\\\)", RegexOptions.CultureInvariant);

    public static ExpressionType Classify(string expression)
    {
        if (expression.Length > 0 && (expression[0] == '^' || expression[expression.Length - 1] == '$'))
        {
            return ExpressionType.RegularExpression;
        }

        if (ParameterLike.IsMatch(expression))
        {
            return ExpressionType.CucumberExpression;
        }

        return RegexLike.IsMatch(expression) ? ExpressionType.RegularExpression : ExpressionType.CucumberExpression;
    }
}
