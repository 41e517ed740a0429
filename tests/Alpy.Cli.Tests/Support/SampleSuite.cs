using System.Diagnostics;
using Alpy.Tests.Cli;

namespace Alpy.Cli.Tests.Support;

/// <summary>
/// The sample suite (Fixtures/Samples: five Reqnroll features, one scenario failing on purpose), built with this test
/// project, and a temp folder of this test run for the runs' streams and reports (removed afterwards).
/// </summary>
public sealed class SampleSuite : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alpy-cli-tests-");

    public static string Root { get; } = FindRoot();

    public static string Folder => Path.Combine(Root, "tests", "Alpy.Cli.Tests", "Fixtures", "Samples");

    public static string Project => Path.Combine(Folder, "Alpy.Cli.Samples.csproj");

    public static string Features => Path.Combine(Folder, "features");

    /// <summary>Debug or Release: as this test assembly was built (the samples were built alongside).</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public string Temp => _folder.FullName;

    /// <summary>`alpy run` of the samples (no build) into <see cref="Temp"/>/<paramref name="name"/>; extra options such as --shard.</summary>
    public Task<(int Exit, string Out, string Error)> RunAsync(string name, params string[] options)
    {
        var folder = Path.Combine(Temp, name);
        return AlpyCli.RunAsync(["run", "--project", Project, "--features", Features, "--no-build", "-c", Configuration,
            "--messages", Messages(name), "--results", folder, "--reports", Path.Combine(Temp, "reports"), "--run-id", name, .. options]);
    }

    /// <summary>Where the run <paramref name="name"/> writes its message stream.</summary>
    public string Messages(string name) => Path.Combine(Temp, name, "messages.ndjson");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alpy.Specs.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No Alpy.Specs.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}

/// <summary>The test classes that run the sample suite share one temp folder and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SampleSuiteDefinition : ICollectionFixture<SampleSuite>
{
    public const string Name = "The sample suite";
}
