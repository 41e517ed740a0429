namespace Alpy.Docker.Tests.Fakes;

/// <summary>A client wired to a fake daemon, short timeouts so that a broken test fails fast.</summary>
internal static class FakeDocker
{
    public static DockerClient Client(FakeDockerHandler handler, DockerClientOptions? options = null) =>
        new(options ?? new DockerClientOptions { RequestTimeout = TimeSpan.FromSeconds(5) }, handler);
}
