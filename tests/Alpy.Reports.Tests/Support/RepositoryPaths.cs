namespace Alpy.Reports.Tests.Support;

/// <summary>Where the repository and the shared CCK samples are, found from the test's own folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/cck/samples beside the repository (never copied into it).</summary>
    public static string CckSamples
    {
        get
        {
            var samples = Path.GetFullPath(Path.Combine(Root, "..", "shared", "cck", "samples"));
            return Directory.Exists(samples)
                ? samples
                : throw new InvalidOperationException($"The CCK samples are not at {samples}: CI must check out ../shared beside the repository.");
        }
    }

    public static string CckStream(string sample) => Path.Combine(CckSamples, sample, sample + ".ndjson");

    public static IEnumerable<string> AllCckStreams() =>
        Directory.EnumerateDirectories(CckSamples).Select(d => Path.Combine(d, Path.GetFileName(d) + ".ndjson")).Where(File.Exists).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alpy.Specs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Alpy.Specs.sln above {AppContext.BaseDirectory}.");
    }
}
