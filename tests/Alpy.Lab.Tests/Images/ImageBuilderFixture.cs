using Alpy.Docker;
using Alpy.Lab.Images;

namespace Alpy.Lab.Tests.Images;

/// <summary>
/// The real daemon for image builder tests. Test recipes carry the label <c>alpy.test=RUN</c>, as do the containers
/// run from them; disposal removes all of them, also after failed tests, and the next run removes what a killed run
/// left. The tools image is kept: images are reused across runs, not trash.
/// </summary>
public sealed class ImageBuilderFixture : IAsyncLifetime
{
    private const string SessionPrefix = "images-";

    private readonly DockerSession session = DockerSession.Start("alpy.test", SessionPrefix);

    public DockerClient Docker { get; } = new(new DockerClientOptions { RequestTimeout = TimeSpan.FromSeconds(30) });

    public string Run => session.Value;

    /// <summary>The labels of this run, for recipes and containers.</summary>
    public IReadOnlyDictionary<string, string> Labels => session.Labels;

    /// <summary>A recipe name unique to this run.</summary>
    public string RecipeName(string what) => $"test-{Run}-{what}";

    /// <summary>Runs a command in <paramref name="image"/> with no network and returns exit code and output.</summary>
    public async Task<ContainerRunResult> RunAsync(string image, params string[] cmd) =>
        await Docker.Containers.RunAsync(
            new ContainerSpec
            {
                Image = image,
                Cmd = cmd,
                Labels = Labels,
                HostConfig = new HostConfig { NetworkMode = NamespaceMode.None },
            },
            new ContainerRunOptions { Timeout = TimeSpan.FromSeconds(30) },
            TestContext.Current.CancellationToken);

    public async ValueTask InitializeAsync() =>
        await DockerSession.ReapDeadAsync(Docker, "alpy.test", SessionPrefix, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var container in await Docker.Containers.ListAsync(ContainerListOptions.WithLabel("alpy.test", Run)))
        {
            await Docker.Containers.RemoveAsync(container.Id, force: true);
        }

        foreach (var image in await Docker.Images.ListAsync(new ImageListOptions { Labels = [$"alpy.test={Run}"] }))
        {
            await Docker.Images.RemoveAsync(image.Id, force: true);
        }

        Docker.Dispose();
        session.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ImageBuilderDaemon : ICollectionFixture<ImageBuilderFixture>
{
    public const string Name = "Image builder with the Docker daemon";
}
