using System.Text;

namespace Alpy.Runner.Expressions;

/// <summary>
/// The literal text every match of an anchored pattern starts with ("^I have (\d+)" → "I have "),
/// so a matcher can skip most step definitions with a string comparison.
/// </summary>
internal static class RegexPrefix
{
    public static string Read(string pattern)
    {
        if (pattern.Length == 0 || pattern[0] != '^')
        {
            return string.Empty;
        }

        // "^(?:body)$", how regex step definitions are anchored, has the prefix of "^body".
        var start = 1;
        var end = pattern.Length;
        if (pattern.StartsWith("^(?:", System.StringComparison.Ordinal) && pattern.EndsWith(")$", System.StringComparison.Ordinal) && ClosingParenthesis(pattern, 1) == pattern.Length - 2)
        {
            start = 4;
            end = pattern.Length - 2;
        }

        if (HasTopLevelAlternation(pattern, start, end))
        {
            return string.Empty;
        }

        var prefix = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var c = pattern[i];
            var escaped = c == '\\' && i + 1 < end && (IsSpecial(pattern[i + 1]) || pattern[i + 1] == ' ');
            var literal = escaped ? pattern[i + 1] : c;
            var next = i + (escaped ? 2 : 1);
            if ((!escaped && (IsSpecial(c) || (char.IsWhiteSpace(c) && c != ' ')))
                || (next < end && (pattern[next] == '?' || pattern[next] == '*' || pattern[next] == '{' || pattern[next] == '|')))
            {
                break;
            }

            prefix.Append(literal);
            i = next - 1;
        }

        return prefix.ToString();
    }

    private static bool IsSpecial(char c) => c is '\\' or '^' or '$' or '.' or '|' or '?' or '*' or '+' or '(' or ')' or '[' or ']' or '{' or '}' or '#';

    /// <summary>The index of the parenthesis that closes the one at <paramref name="open"/>, or -1.</summary>
    private static int ClosingParenthesis(string pattern, int open)
    {
        var closing = -1;
        Walk(pattern, open, pattern.Length, (c, i, depth) =>
        {
            if (c == ')' && depth == 0)
            {
                closing = i;
                return false;
            }

            return true;
        });
        return closing;
    }

    private static bool HasTopLevelAlternation(string pattern, int start, int end)
    {
        var found = false;
        Walk(pattern, start, end, (c, _, depth) => !(found = c == '|' && depth == 0));
        return found;
    }

    /// <summary>
    /// Visits the structural characters of a pattern (outside escapes and character classes) with
    /// the parenthesis depth after the character; stops when the visitor returns false.
    /// </summary>
    private static void Walk(string pattern, int start, int end, System.Func<char, int, int, bool> visit)
    {
        var depth = 0;
        var inClass = false;
        for (var i = start; i < end; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            inClass = c == '[';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (!visit(c, i, depth))
            {
                return;
            }
        }
    }
}
