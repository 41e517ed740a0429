using Alpy.Docker;

namespace Alpy.Lab.Tests.Support;

/// <summary>Docker facts for tests: the client, and what a run left behind.</summary>
internal static class LabDocker
{
    public static DockerClient Client() => DockerClient.FromEnvironment();

    public static async Task<IReadOnlyList<ContainerSummary>> ContainersOfRunAsync(DockerClient docker, string run) =>
        await docker.Containers.ListAsync(ContainerListOptions.WithLabel(LabLabels.Run, run), TestContext.Current.CancellationToken);

    public static IReadOnlyList<string> HostTapsOfRun(string run) =>
        [.. Directory.EnumerateFileSystemEntries("/sys/class/net").Select(Path.GetFileName).Where(n => n!.StartsWith("alpy" + run, StringComparison.Ordinal))!];
}
