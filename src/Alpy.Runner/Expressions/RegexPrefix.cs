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
        if (pattern.Length == 0 || pattern[0] != '^' || HasTopLevelAlternation(pattern))
        {
            return string.Empty;
        }

        var prefix = new StringBuilder();
        for (var i = 1; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var escaped = c == '\\' && i + 1 < pattern.Length && (IsSpecial(pattern[i + 1]) || pattern[i + 1] == ' ');
            var literal = escaped ? pattern[i + 1] : c;
            var next = i + (escaped ? 2 : 1);
            if ((!escaped && (IsSpecial(c) || (char.IsWhiteSpace(c) && c != ' ')))
                || (next < pattern.Length && (pattern[next] == '?' || pattern[next] == '*' || pattern[next] == '{' || pattern[next] == '|')))
            {
                break;
            }

            prefix.Append(literal);
            i = next - 1;
        }

        return prefix.ToString();
    }

    private static bool IsSpecial(char c) => c is '\\' or '^' or '$' or '.' or '|' or '?' or '*' or '+' or '(' or ')' or '[' or ']' or '{' or '}' or '#';

    private static bool HasTopLevelAlternation(string pattern)
    {
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '|' && depth == 0)
            {
                return true;
            }
        }

        return false;
    }
}
