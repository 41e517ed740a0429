namespace Alpy.Docker.Tests.Integration;

/// <summary>A container created for one test and removed (forcefully) when the test ends, whatever the outcome.</summary>
public sealed class TestContainer(DockerClient client, string id, string name) : IAsyncDisposable
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await client.Containers.RemoveAsync(Id, force: true);
        }
        catch (DockerNotFoundException)
        {
            // Removed by the test itself (or auto-removed): nothing left.
        }
    }
}
