using System.Text;

namespace Alpy.Runner;

/// <summary>Writes rows as an aligned Gherkin table, for messages and diffs.</summary>
internal static class TableFormatter
{
    public static string Format(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string>? prefixes = null)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < Math.Min(row.Count, widths.Length); i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        for (var r = 0; r < all.Count; r++)
        {
            text.Append(prefixes is null ? "  " : (r == 0 ? "  " : prefixes[r - 1]));
            text.Append('|');
            for (var i = 0; i < widths.Length; i++)
            {
                var value = i < all[r].Count ? all[r][i] : string.Empty;
                text.Append(' ').Append(value.PadRight(widths[i])).Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}
