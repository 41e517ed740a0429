using System.Net.Sockets;

using Alpy.Docker;

namespace Alpy.Lab.Tests.Images;

/// <summary>
/// A test run's claim on its label value: a unix socket bound in the abstract namespace (<c>@alpy-test-RUN</c>)
/// for the run's life. The kernel releases it when the process dies, however it dies, so a later run can tell
/// the leftovers of a killed run (and only those) from those of a run still going, and remove them.
/// </summary>
internal sealed class TestRunLease : IDisposable
{
    private readonly Socket socket;

    private TestRunLease(Socket socket) => this.socket = socket;

    public static TestRunLease? TryAcquire(string run)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint($"\0alpy-test-{run}"));
            return new TestRunLease(socket);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>Removes the containers and images labelled <c>alpy.test=PREFIX...</c> of runs whose process is gone.</summary>
    public static async Task ReapDeadRunsAsync(DockerClient docker, string prefix)
    {
        var containers = await docker.Containers.ListAsync(new ContainerListOptions { Labels = ["alpy.test"] });
        var images = await docker.Images.ListAsync(new ImageListOptions { Labels = ["alpy.test"] });
        var runs = containers.Select(c => c.Labels.GetValueOrDefault("alpy.test"))
            .Concat(images.Select(i => i.Labels?.GetValueOrDefault("alpy.test")))
            .OfType<string>()
            .Where(run => run.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct();
        foreach (var run in runs)
        {
            using var dead = TryAcquire(run);
            if (dead is null)
            {
                continue;
            }

            foreach (var container in containers.Where(c => c.Labels.GetValueOrDefault("alpy.test") == run))
            {
                await docker.Containers.RemoveAsync(container.Id, force: true);
            }

            foreach (var image in images.Where(i => i.Labels?.GetValueOrDefault("alpy.test") == run))
            {
                await docker.Images.RemoveAsync(image.Id, force: true);
            }
        }
    }

    public void Dispose() => socket.Dispose();
}
