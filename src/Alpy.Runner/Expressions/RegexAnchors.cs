namespace Alpy.Runner.Expressions;

/// <summary>Regex step definitions are matched whole: their own anchors come off and <c>^(?:…)$</c> goes on.</summary>
internal static class RegexAnchors
{
    public static string Anchor(string regex) => "^(?:" + Strip(regex) + ")$";

    /// <summary>The pattern without a leading <c>^</c> and a trailing unescaped <c>$</c>.</summary>
    public static string Strip(string regex)
    {
        var start = regex.Length > 0 && regex[0] == '^' ? 1 : 0;
        var end = regex.Length > 0 && regex[regex.Length - 1] == '$' && !regex.EndsWith("\\$", System.StringComparison.Ordinal) ? regex.Length - 1 : regex.Length;
        return regex.Substring(start, System.Math.Max(0, end - start));
    }
}
