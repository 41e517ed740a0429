namespace Alpy.Capture.Tests;

/// <summary>The reference reader: runs Debian's tcpdump on a file, with times in UTC so that lines compare with the library's.</summary>
internal static class Tcpdump
{
    private static readonly Dictionary<string, string> Utc = new() { ["TZ"] = "UTC" };

    /// <summary>The lines <c>tcpdump -n -r FILE [flags] [filter]</c> prints (it must succeed).</summary>
    public static async Task<IReadOnlyList<string>> ReadLinesAsync(string file, IEnumerable<string>? flags = null, string? filter = null, CancellationToken cancellationToken = default)
    {
        ProcessResult result = await ReadAsync(file, flags, filter, cancellationToken);
        return Lines(result.EnsureSuccess().StandardOutput);
    }

    /// <summary>Runs <c>tcpdump -n -r FILE [flags] [filter]</c> and returns how it ended, failure included.</summary>
    public static Task<ProcessResult> ReadAsync(string file, IEnumerable<string>? flags = null, string? filter = null, CancellationToken cancellationToken = default)
    {
        var arguments = new List<string> { "tcpdump", "-n", "-r", file };
        arguments.AddRange(flags ?? []);
        if (filter is not null)
        {
            arguments.Add(filter);
        }

        return ProcessRunner.RunAsync(arguments, TimeSpan.FromSeconds(60), Utc, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The first line of each frame: tcpdump continues some frames (unknown payloads) with tab-indented hex
    /// dumps, which the one-line summaries leave out; trailing blanks are dropped likewise.
    /// </summary>
    public static IReadOnlyList<string> Lines(string output) =>
        output.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('\t'))
            .Select(line => line.TrimEnd())
            .ToList();
}
