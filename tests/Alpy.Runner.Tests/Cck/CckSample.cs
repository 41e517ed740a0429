namespace Alpy.Runner.Tests.Cck;

/// <summary>
/// One sample of the Cucumber Compatibility Kit (../shared/cck/samples, read at test time): its
/// feature files, its reference message stream, and how to run it (the kit's .arguments.txt).
/// </summary>
public sealed class CckSample
{
    private CckSample(string name, string directory)
    {
        Name = name;
        Directory = directory;
        var arguments = Path.Combine(directory, name + ".arguments.txt");
        Arguments = File.Exists(arguments) ? File.ReadAllText(arguments).Trim() : string.Empty;
    }

    /// <summary>Where the kit's samples are: ../shared/cck/samples beside the repository.</summary>
    public static string SamplesDirectory { get; } = FindSamples();

    public string Name { get; }

    public string Directory { get; }

    public string Arguments { get; }

    /// <summary>The feature files, as (uri, text), in file-name order; uris as the kit writes them.</summary>
    public IReadOnlyList<(string Uri, string Source)> Features =>
        System.IO.Directory.GetFiles(Directory)
            .Where(f => f.EndsWith(".feature", StringComparison.Ordinal) || f.EndsWith(".feature.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => ($"samples/{Name}/{Path.GetFileName(f)}", File.ReadAllText(f)))
            .ToArray();

    public IReadOnlyList<string> ExpectedLines => File.ReadAllLines(Path.Combine(Directory, Name + ".ndjson"));

    public int Retry => Arguments.StartsWith("--retry ", StringComparison.Ordinal) ? int.Parse(Arguments[8..], System.Globalization.CultureInfo.InvariantCulture) : 0;

    public bool Reverse => Arguments == "--order reverse";

    public static CckSample Named(string name) => new(name, Path.Combine(SamplesDirectory, name));

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetDirectories(SamplesDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public override string ToString() => Name;

    private static string FindSamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "cck", "samples");
            if (File.Exists(Path.Combine(directory.FullName, "Alpy.Specs.sln")))
            {
                candidate = Path.Combine(directory.FullName, "..", "shared", "cck", "samples");
                return System.IO.Directory.Exists(candidate)
                    ? Path.GetFullPath(candidate)
                    : throw new DirectoryNotFoundException($"The Cucumber Compatibility Kit samples are not at {Path.GetFullPath(candidate)}; CI and developers keep ../shared beside the repository.");
            }
        }

        throw new DirectoryNotFoundException("Cannot find Alpy.Specs.sln above " + AppContext.BaseDirectory);
    }
}
