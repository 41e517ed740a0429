namespace Alpy.Capture.Tests;

/// <summary>The reference reader: runs Debian's tcpdump on a file.</summary>
internal static class Tcpdump
{
    private static readonly Dictionary<string, string> Utc = new() { ["TZ"] = "UTC" };

    /// <summary>The lines <c>tcpdump -n -r FILE [flags] [filter]</c> prints in UTC (it must succeed).</summary>
    public static async Task<IReadOnlyList<string>> ReadLinesAsync(string file, IEnumerable<string>? flags = null, string? filter = null, CancellationToken cancellationToken = default)
    {
        ProcessResult result = await ReadAsync(file, flags, filter, cancellationToken);
        return Lines(result.EnsureSuccess().StandardOutput);
    }

    /// <summary>Runs <c>tcpdump -n -r FILE [flags] [filter]</c> in UTC and returns how it ended, failure included.</summary>
    public static Task<ProcessResult> ReadAsync(string file, IEnumerable<string>? flags = null, string? filter = null, CancellationToken cancellationToken = default) =>
        RunAsync(file, flags, filter, Utc, cancellationToken);

    /// <summary>What <c>tcpdump -# -n -e -r FILE</c> prints in this machine's time zone: the library's text must be exactly this.</summary>
    public static async Task<string> PrintAsync(string file, CancellationToken cancellationToken = default) =>
        (await RunAsync(file, ["-#", "-e"], null, null, cancellationToken)).EnsureSuccess().StandardOutput;

    /// <summary>
    /// The first line of each frame: tcpdump continues some frames (unknown payloads) with tab-indented hex
    /// dumps, which the one-line summaries leave out; trailing blanks are dropped likewise.
    /// </summary>
    public static IReadOnlyList<string> Lines(string output) =>
        output.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('\t'))
            .Select(line => line.TrimEnd())
            .ToList();

    private static Task<ProcessResult> RunAsync(string file, IEnumerable<string>? flags, string? filter, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "tcpdump", "-n", "-r", file };
        arguments.AddRange(flags ?? []);
        if (filter is not null)
        {
            arguments.Add(filter);
        }

        return ProcessRunner.RunAsync(arguments, TimeSpan.FromSeconds(60), environment, cancellationToken: cancellationToken);
    }
}
