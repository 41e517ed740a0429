using System.Text;
using System.Text.RegularExpressions;

namespace Alpy.Reports.JUnit;

/// <summary>
/// Text made safe for XML 1.0: ANSI colour codes (common in console evidence) removed, characters
/// XML cannot carry replaced by U+FFFD, so a DUT's console noise can never make the JUnit file invalid.
/// </summary>
internal static partial class XmlText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var withoutAnsi = AnsiEscape().Replace(text, "");
        var builder = new StringBuilder(withoutAnsi.Length);
        for (var i = 0; i < withoutAnsi.Length; i++)
        {
            var c = withoutAnsi[i];
            if (char.IsHighSurrogate(c) && i + 1 < withoutAnsi.Length && char.IsLowSurrogate(withoutAnsi[i + 1]))
            {
                builder.Append(c).Append(withoutAnsi[++i]);
            }
            else if (c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\x1B\[[0-9;?]*[ -/]*[@-~]")]
    private static partial Regex AnsiEscape();
}
