using Alpy.Lab.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Tests.Support;

/// <summary>Docker facts for tests, asked through Docker.DotNet: the client, and what a run left behind.</summary>
internal static class LabDocker
{
    public static DockerClient Client() => LabDockerClient.Create();

    public static async Task<IList<ContainerListResponse>> ContainersOfRunAsync(IDockerClient docker, string run) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = DockerCalls.LabelFilter($"{LabLabels.Run}={run}") },
            TestContext.Current.CancellationToken);

    public static string NameOf(ContainerListResponse container) => container.Names is { Count: > 0 } names ? names[0] : container.ID;

    public static async Task<bool> ContainerExistsAsync(IDockerClient docker, string id)
    {
        try
        {
            await docker.Containers.InspectContainerAsync(id, TestContext.Current.CancellationToken);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    public static async Task<bool> ImageExistsAsync(IDockerClient docker, string reference)
    {
        try
        {
            await docker.Images.InspectImageAsync(reference, TestContext.Current.CancellationToken);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    public static IReadOnlyList<string> HostTapsOfRun(string run) =>
        [.. Directory.EnumerateFileSystemEntries("/sys/class/net").Select(Path.GetFileName).Where(n => n!.StartsWith("alpy" + run, StringComparison.Ordinal))!];
}
