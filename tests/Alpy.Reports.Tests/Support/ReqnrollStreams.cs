namespace Alpy.Reports.Tests.Support;

/// <summary>Message streams written by Reqnroll 3.3.4 itself (Streams/README.md says how), read where they are committed.</summary>
internal static class ReqnrollStreams
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Alpy.Reports.Tests", "Streams");

    /// <summary>A whole run with every status, outlines, attachments and test-run hooks.</summary>
    public static string Whole => Path.Combine(Folder, "whole.ndjson");

    /// <summary>The same suite as three shards (dotnet test --filter per ShardPlanner's split).</summary>
    public static IReadOnlyList<string> Shards => [.. Enumerable.Range(1, 3).Select(i => Path.Combine(Folder, $"shard-{i}-of-3.ndjson"))];

    /// <summary>The BeforeTestRun hook failed: no feature started.</summary>
    public static string BeforeRunFailed => Path.Combine(Folder, "before-run-failed.ndjson");

    /// <summary>The test host crashed: the first 64 KiB block, cut mid-line.</summary>
    public static string CutShort => Path.Combine(Folder, "cut-short.ndjson");

    /// <summary>A copy of a stream in <paramref name="folder"/> (tests that add evidence files beside it, or change it).</summary>
    public static string CopyTo(string stream, string folder, string? name = null)
    {
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, name ?? Path.GetFileName(stream));
        File.Copy(stream, copy, overwrite: true);
        return copy;
    }
}
