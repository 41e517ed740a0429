using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Merge;

/// <summary>
/// The runner's own sample features (tests/Alpy.Runner.Samples: several features, some failing on
/// purpose), built once and run with the real runner: once whole, and as shards (ALPY_SHARD=i/N).
/// Each run writes its message stream into its own temp folder (ALPY_SAMPLES_OUT).
/// </summary>
/// <remarks>
/// A collection fixture, not a class fixture: with one instance per class, two `dotnet build` runs of
/// the same project went at once and one failed writing the other's runtimeconfig.json.
/// </remarks>
public sealed class RunnerSamples : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public static string Project => Path.Combine(RepositoryPaths.Root, "tests", "Alpy.Runner.Samples", "Alpy.Runner.Samples.csproj");

    public string Folder => _temp.Path;

    public async ValueTask InitializeAsync()
    {
        var (exit, output) = await Dotnet.RunAsync(RepositoryPaths.Root, ["build", Project, "-nologo", "-v", "q"], timeout: TimeSpan.FromMinutes(6));
        if (exit != 0)
        {
            throw new InvalidOperationException($"Building the runner's sample features failed (exit {exit}):\n{output}");
        }
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs the samples (a shard of them when <paramref name="shard"/> is given); returns the message stream's path.</summary>
    public async Task<string> RunAsync(string name, string? shard = null)
    {
        var output = _temp.File(name);
        Directory.CreateDirectory(output);
        var environment = new Dictionary<string, string> { ["ALPY_SAMPLES_OUT"] = output };
        if (shard is not null)
        {
            environment["ALPY_SHARD"] = shard;
        }

        var (_, log) = await Dotnet.RunAsync(RepositoryPaths.Root, ["test", Project, "--no-build", "-nologo"], environment, TimeSpan.FromMinutes(6));
        var stream = Path.Combine(output, "messages.ndjson");
        return File.Exists(stream) ? stream : throw new InvalidOperationException($"The sample run '{name}' wrote no {stream}:\n{log}");
    }
}

/// <summary>The test classes that run the sample project: they share one build and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RunnerSamplesDefinition : ICollectionFixture<RunnerSamples>
{
    public const string Name = "The runner's sample features";
}
