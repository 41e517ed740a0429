using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Alpy.Specs.Analyzers;

/// <summary>A step definition to paste for an undefined step: numbers become {int}, quoted text {string}.</summary>
internal static class Snippet
{
    public static string For(StepKind kind, string text)
    {
        var expression = Regex.Replace(text.Replace("{", "\\{"), "\"[^\"]*\"|'[^']*'|(?<![\\w.])-?\\d+(?![\\w.])", m => m.Value[0] is '"' or '\'' ? "{string}" : "{int}");
        var words = Regex.Matches(Regex.Replace(text, "\"[^\"]*\"|'[^']*'", " "), "[A-Za-z]+").Cast<Match>().Select(m => m.Value);
        var name = new StringBuilder(kind.ToString());
        foreach (var word in words)
            name.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.Substring(1));
        var parameters = Regex.Matches(expression, "{(int|string)}").Cast<Match>().Select((m, i) => $"{(m.Groups[1].Value == "int" ? "int" : "string")} p{i}");
        return $"[{kind}(\"{expression.Replace("\"", "\\\"")}\")] public void {name}({string.Join(", ", parameters)})";
    }
}
