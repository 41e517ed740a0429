namespace Alpy.Lab.Tests.Support;

/// <summary>Where tests put lab artifacts: the repository's reports/runs, as a user's runs would.</summary>
internal static class TestPaths
{
    public static string Repository { get; } = FindRepository();

    public static string Artifacts => Path.Combine(Repository, "reports", "runs");

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Alpy.Specs.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Alpy.Specs.sln not found above " + AppContext.BaseDirectory);
    }
}
