namespace Alpy.Bench.Suite;

/// <summary>The checkout the benchmark runs the suite of, and the machine's load.</summary>
internal static class Repository
{
    /// <summary>The folder holding reqnroll.json, above the working directory (or above this program).</summary>
    public static string Root()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "reqnroll.json")) && Directory.Exists(Path.Combine(dir.FullName, "src", "Alpy.Specs")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("No Alpy.Specs checkout (reqnroll.json beside src/Alpy.Specs) above the working directory; run from the repository.");
    }

    public static void RequireBuiltSuite(string root)
    {
        var assembly = Path.Combine(root, "src", "Alpy.Specs", "bin", "Release", "net10.0", "Alpy.Specs.dll");
        if (!File.Exists(assembly))
            throw new InvalidOperationException($"The suite is not built in Release ({assembly} is missing); run: dotnet build src/Alpy.Specs -c Release");
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
