using Alpy.Docker;
using Alpy.Lab.Images;

namespace Alpy.Lab.Tests.Images;

/// <summary>
/// The real daemon for image builder tests. Test recipes are named <c>test-RUN-...</c>; disposal removes every image
/// of them and every container labelled <c>alpy.test=RUN</c>, also after failed tests. The tools image is kept:
/// images are reused across runs, not trash.
/// </summary>
public sealed class ImageBuilderFixture : IAsyncLifetime
{
    private readonly List<string> recipeNames = [];

    public DockerClient Docker { get; } = new(new DockerClientOptions { RequestTimeout = TimeSpan.FromSeconds(30) });

    public string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>A recipe name unique to this run, remembered for cleanup.</summary>
    public string RecipeName(string what)
    {
        var name = $"test-{Run}-{what}";
        lock (recipeNames)
        {
            recipeNames.Add(name);
        }

        return name;
    }

    /// <summary>Runs a command in <paramref name="image"/> with no network and returns exit code and output.</summary>
    public async Task<ContainerRunResult> RunAsync(string image, params string[] cmd) =>
        await Docker.Containers.RunAsync(
            new ContainerSpec
            {
                Image = image,
                Cmd = cmd,
                Labels = new Dictionary<string, string> { ["alpy.test"] = Run },
                HostConfig = new HostConfig { NetworkMode = NamespaceMode.None },
            },
            new ContainerRunOptions { Timeout = TimeSpan.FromSeconds(30) },
            TestContext.Current.CancellationToken);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var container in await Docker.Containers.ListAsync(ContainerListOptions.WithLabel("alpy.test", Run)))
        {
            await Docker.Containers.RemoveAsync(container.Id, force: true);
        }

        foreach (var name in recipeNames)
        {
            foreach (var image in await Docker.Images.ListAsync(new ImageListOptions { Labels = [$"{ImageLabels.Image}={name}"] }))
            {
                await Docker.Images.RemoveAsync(image.Id, force: true);
            }
        }

        Docker.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ImageBuilderDaemon : ICollectionFixture<ImageBuilderFixture>
{
    public const string Name = "Image builder with the Docker daemon";
}
