using Alpy.Reports;

namespace Alpy.Cli.Commands;

/// <summary>Message streams named on the command line: files, or folders holding them (searched recursively).</summary>
internal static class StreamInputs
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> filesOrFolders)
    {
        var streams = new List<string>();
        foreach (var item in filesOrFolders)
        {
            if (Directory.Exists(item))
            {
                var found = Directory.EnumerateFiles(item, "*.ndjson", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    throw new ReportException($"{item} holds no .ndjson file: the shard's job did not upload its message stream.");
                }

                streams.AddRange(found);
            }
            else
            {
                streams.Add(item);
            }
        }

        return streams;
    }
}
