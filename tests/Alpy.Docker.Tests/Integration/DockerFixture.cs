using System.Formats.Tar;

namespace Alpy.Docker.Tests.Integration;

/// <summary>
/// The real daemon plus a small busybox image imported for these tests. Everything created here carries the label
/// <c>alpy.test=&lt;run&gt;</c>; disposal removes every such container and the image, also after failed tests,
/// and the next run removes what a killed run left.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    private const string SessionPrefix = "docker-";

    private readonly DockerSession session = DockerSession.Start("alpy.test", SessionPrefix);

    private const string Busybox = "/bin/busybox";

    private static readonly string[] Applets =
        ["sh", "echo", "cat", "sleep", "yes", "head", "tr", "ls", "wc", "true", "false", "printf", "id", "nc", "env", "pwd"];

    public DockerClient Client { get; } = new(new DockerClientOptions { RequestTimeout = TimeSpan.FromSeconds(20) });

    /// <summary>The label value of this test run.</summary>
    public string Run => session.Value;

    public string Image => $"alpy-docker-test:{Run}";

    public IReadOnlyDictionary<string, string> Labels => session.Labels;

    /// <summary>A unique container name for this run.</summary>
    public string Name(string what) => $"alpy-test-{Run}-{what}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Creates (and optionally starts) a container that the test's <c>await using</c> removes.</summary>
    public async Task<TestContainer> CreateAsync(ContainerSpec spec, string what, bool start = false)
    {
        var name = Name(what);
        var created = await Client.Containers.CreateAsync(spec, name, TestContext.Current.CancellationToken);
        var container = new TestContainer(Client, created.Id, name);
        if (start)
        {
            await Client.Containers.StartAsync(created.Id, TestContext.Current.CancellationToken);
        }

        return container;
    }

    public ContainerSpec Spec(params string[] cmd) =>
        new() { Image = Image, Cmd = cmd, Labels = Labels, HostConfig = new HostConfig { NetworkMode = NamespaceMode.None } };

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Busybox))
        {
            throw new InvalidOperationException($"{Busybox} is missing: install Debian's busybox-static (scripts/install-prerequisites does).");
        }

        await DockerSession.ReapDeadAsync(Client, "alpy.test", SessionPrefix, TestContext.Current.CancellationToken);

        await Client.Images.ImportAsync(
            WriteRootFsAsync,
            new ImageImportOptions { Repository = "alpy-docker-test", Tag = Run, Changes = [$"LABEL alpy.test={Run}", "ENV PATH=/bin"] },
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in await Client.Containers.ListAsync(ContainerListOptions.WithLabel("alpy.test", Run)))
        {
            await Client.Containers.RemoveAsync(container.Id, force: true);
        }

        foreach (var image in await Client.Images.ListAsync(new ImageListOptions { Labels = [$"alpy.test={Run}"] }))
        {
            await Client.Images.RemoveAsync(image.Id, force: true);
        }

        Client.Dispose();
        session.Dispose();
    }

    private static async Task WriteRootFsAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var directory in new[] { "bin", "tmp", "etc" })
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, directory) { Mode = (UnixFileMode)Convert.ToInt32("1777", 8) }, cancellationToken);
        }

        await tar.WriteEntryAsync(Busybox, "bin/busybox", cancellationToken);
        foreach (var applet in Applets)
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox" }, cancellationToken);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DockerDaemon : ICollectionFixture<DockerFixture>
{
    public const string Name = "Docker daemon";
}
