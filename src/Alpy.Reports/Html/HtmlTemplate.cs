namespace Alpy.Reports.Html;

/// <summary>
/// The formatter's page template cut at its placeholders, in the order the official writer fills them:
/// title, icon, css, custom_css, messages, script, custom_script.
/// </summary>
internal sealed class HtmlTemplate
{
    private static readonly string[] Placeholders =
        ["{{title}}", "{{icon}}", "{{css}}", "{{custom_css}}", "{{messages}}", "{{script}}", "{{custom_script}}"];

    private readonly string[] _parts;

    private HtmlTemplate(string[] parts) => _parts = parts;

    /// <summary>Text from the start up to {{messages}}, with the head filled in.</summary>
    public string Head(string title, string icon, string css, string customCss) =>
        string.Concat(_parts[0], title, _parts[1], icon, _parts[2], css, _parts[3], customCss, _parts[4]);

    /// <summary>Text from {{messages}} to the end, with the scripts filled in.</summary>
    public string Tail(string script, string customScript) =>
        string.Concat(_parts[5], script, _parts[6], customScript, _parts[7]);

    public static HtmlTemplate Parse(string template, string path)
    {
        var parts = new string[Placeholders.Length + 1];
        var position = 0;
        for (var i = 0; i < Placeholders.Length; i++)
        {
            var at = template.IndexOf(Placeholders[i], position, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new ReportException(
                    $"{path} has no {Placeholders[i]} placeholder after position {position}: this is not the template of " +
                    $"@cucumber/html-formatter {HtmlFormatterAssets.PinnedVersion}. " + HtmlFormatterAssets.Fix);
            }

            parts[i] = template[position..at];
            position = at + Placeholders[i].Length;
        }

        parts[^1] = template[position..];
        return new HtmlTemplate(parts);
    }
}
