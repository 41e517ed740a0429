using System.Text;
using Alpy.Reports.Model;
using static Alpy.Reports.Index.Html;

namespace Alpy.Reports.Index;

/// <summary>A table of the files in a run folder (the lab's evidence, the report's artifacts), linked relative to the index page.</summary>
internal static class EvidenceFiles
{
    private const int MaxListedFiles = 300;

    public static void Append(StringBuilder page, string folder, string runDirectory, string title)
    {
        var files = new DirectoryInfo(folder)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 4 })
            .Select(f => (File: f, Relative: Path.GetRelativePath(runDirectory, f.FullName)))
            .Where(f => !RunFolderLayout.Own.Contains(f.Relative) && !Path.GetFileName(f.Relative).StartsWith('.'))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Take(MaxListedFiles + 1)
            .ToList();

        page.Append("<h2>").Append(E(title)).Append("</h2>\n");
        if (files.Count == 0)
        {
            page.Append("<p class=\"none\">No evidence files in this run folder.</p>\n");
            return;
        }

        page.Append("<table>\n<tr><th>file</th><th>size</th></tr>\n");
        foreach (var (file, relative) in files.Take(MaxListedFiles))
        {
            page.Append("<tr><td><a href=\"").Append(Href(relative)).Append("\">").Append(E(relative.Replace('\\', '/')))
                .Append("</a></td><td class=\"n\">").Append(E(ByteSize.Format(file.Length))).Append("</td></tr>\n");
        }

        page.Append("</table>\n");
        if (files.Count > MaxListedFiles)
        {
            page.Append("<p class=\"meta\">More files than listed here: open the artifacts folder.</p>\n");
        }
    }
}
