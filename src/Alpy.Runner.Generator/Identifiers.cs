using System.Globalization;
using System.Text;

namespace Alpy.Runner.Generator;

/// <summary>Readable, stable C# names from titles: "Reroute HTTP to port 88" becomes RerouteHTTPToPort88.</summary>
internal static class Identifiers
{
    private static readonly char[] Separators = { '/', '\\' };

    public static string Pascal(string text, string fallback)
    {
        var name = new StringBuilder();
        var upperNext = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                name.Append(upperNext ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (name.Length == 0)
        {
            return fallback;
        }

        if (!char.IsLetter(name[0]) && name[0] != '_')
        {
            name.Insert(0, '_');
        }

        return name.ToString();
    }

    /// <summary>A namespace from a folder path: features/routing → Features.Routing.</summary>
    public static string Namespace(string rootNamespace, string folder)
    {
        var parts = new StringBuilder(rootNamespace);
        foreach (var segment in folder.Split(Separators, System.StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "." || segment == "..")
            {
                continue;
            }

            if (parts.Length > 0)
            {
                parts.Append('.');
            }

            parts.Append(Pascal(segment, "_"));
        }

        return parts.Length == 0 ? "Features" : parts.ToString();
    }

    /// <summary>A C# verbatim string literal.</summary>
    public static string Verbatim(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";
}
