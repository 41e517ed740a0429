using Alpy.Lab.Docker;
using Alpy.Lab.Runs;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Tests.Images;

/// <summary>
/// The real daemon for image builder tests. The fixture registers a run in the lab's run registry (its lock lives as
/// long as this test process); test recipes carry the label <c>alpy.test=RUN</c>, as do the containers run from them.
/// Disposal removes all of them, also after failed tests, and the next test run removes what a killed one left (its
/// lock is free). The tools image is kept: images are reused across runs, not trash.
/// </summary>
public sealed class ImageBuilderFixture : IAsyncLifetime
{
    private const string TestLabel = "alpy.test";

    private readonly RunRegistry _registry = new();
    private readonly RunLease _lease;

    public ImageBuilderFixture()
    {
        _lease = _registry.Register();
        Labels = new Dictionary<string, string> { [TestLabel] = Run };
    }

    public DockerClient Docker { get; } = LabDockerClient.Create();

    public string Run => _lease.Id.Value;

    /// <summary>The labels of this run, for recipes and containers.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>A recipe name unique to this run.</summary>
    public string RecipeName(string what) => $"test-{Run}-{what}";

    /// <summary>Runs a command in <paramref name="image"/> with no network and returns exit code and output.</summary>
    internal async Task<ContainerExit> RunAsync(string image, params string[] cmd)
    {
        var created = await Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Cmd = cmd,
            Labels = Labels.ToDictionary(),
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, TestContext.Current.CancellationToken);
        return await ContainerRun.RunAsync(new ContainerRemovals(Docker), created.ID, $"test container of {image}", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    public async ValueTask InitializeAsync() =>
        await RemoveAsync(value => RunId.TryParse(value, out var run) && !_registry.IsLive(run));

    public async ValueTask DisposeAsync()
    {
        await RemoveAsync(value => value == Run);
        Docker.Dispose();
        _lease.Dispose();
    }

    /// <summary>Removes the test containers and images whose <c>alpy.test</c> value is <paramref name="trash"/>.</summary>
    private async Task RemoveAsync(Func<string, bool> trash)
    {
        var filter = new ContainersListParameters { All = true, Filters = DockerCalls.LabelFilter(TestLabel) };
        foreach (var container in await Docker.Containers.ListContainersAsync(filter))
        {
            if (container.Labels is { } labels && labels.TryGetValue(TestLabel, out var value) && trash(value))
                await ContainerRun.RemoveAsync(Docker, container.ID);
        }

        foreach (var image in await Docker.Images.ListImagesAsync(new ImagesListParameters { Filters = DockerCalls.LabelFilter(TestLabel) }))
        {
            if (image.Labels is { } labels && labels.TryGetValue(TestLabel, out var value) && trash(value))
            {
                try
                {
                    await Docker.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true });
                }
                catch (DockerImageNotFoundException)
                {
                    // Pruned meanwhile by a build of its recipe.
                }
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ImageBuilderDaemon : ICollectionFixture<ImageBuilderFixture>
{
    public const string Name = "Image builder with the Docker daemon";
}
