namespace Alpy.Reports.IO;

/// <summary>Creating and probing the folders a report is written to, with errors people can act on.</summary>
internal static class ReportFolder
{
    /// <summary>Creates the folder and proves a file can be written in it, before any work is done.</summary>
    public static void EnsureWritable(string directory)
    {
        var probe = Path.Combine(directory, $".alpy-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(directory);
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw NotWritable(directory, e);
        }
    }

    /// <summary>The outermost folder of <paramref name="directory"/>'s path that does not exist yet (what creating it would add), or null.</summary>
    public static string? TopmostMissing(string directory)
    {
        string? missing = null;
        for (var dir = new DirectoryInfo(directory); dir is not null && !dir.Exists && !File.Exists(dir.FullName); dir = dir.Parent)
        {
            missing = dir.FullName;
        }

        return missing;
    }

    public static ReportException NotWritable(string directory, Exception cause) => new(
        $"Cannot write the report folder {directory}: {cause.Message} " +
        "Fix its permissions, free disk space, or choose another folder with --reports / --run-dir.", cause);
}
