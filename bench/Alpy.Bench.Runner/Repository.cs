namespace Alpy.Bench.Runner;

/// <summary>Where the repository is, the temp folder of this run, and the machine's load.</summary>
internal static class Repository
{
    private const string TempPrefix = "alpy-bench-runner-";

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alpy.Specs.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Run the benchmark from the repository: dotnet run -c Release --project bench/Alpy.Bench.Runner");
    }

    /// <summary>A temp folder named for this process; folders of benchmark processes that are gone (killed) are removed first.</summary>
    public static string TempFolder()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), TempPrefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(folder)[TempPrefix.Length..], out var owner) && !IsRunning(owner))
                Directory.Delete(folder, recursive: true);
        }

        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{TempPrefix}{Environment.ProcessId}")).FullName;
    }

    public static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
