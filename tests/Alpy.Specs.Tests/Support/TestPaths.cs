namespace Alpy.Specs.Tests.Support;

/// <summary>Where things are in the repository, found from the test assembly (bin/CONFIGURATION/net10.0).</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: what this test assembly was built as (the suites it runs were built alongside).</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The specification suite's test assembly.</summary>
    public static string SpecsAssembly => Path.Combine(Root, "src", "Alpy.Specs", "bin", Configuration, "net10.0", "Alpy.Specs.dll");

    /// <summary>The bad-input fixture suite's test assembly.</summary>
    public static string BadInputAssembly =>
        Path.Combine(Root, "tests", "Alpy.Specs.Tests", "Fixtures", "BadInput", "bin", Configuration, "net10.0", "Alpy.Specs.BadInput.dll");

    /// <summary>reports/selftest/NAME: where a self-test's suite run writes its stream and lab run folders; <paramref name="fresh"/> empties it first.</summary>
    public static string SelfTestReports(string name, bool fresh = false)
    {
        var folder = Path.Combine(Root, "reports", "selftest", name);
        if (fresh && Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Alpy.Specs.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Alpy.Specs.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
