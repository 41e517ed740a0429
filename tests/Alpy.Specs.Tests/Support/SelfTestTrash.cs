using Alpy.Lab.Docker;
using Docker.DotNet.Models;

namespace Alpy.Specs.Tests.Support;

/// <summary>Checks that the labs of a finished suite run left nothing behind: no container, tap or process of their runs.</summary>
internal static class SelfTestTrash
{
    /// <summary>The run ids of the labs a suite run made (one run folder each).</summary>
    public static IReadOnlyList<string> RunsUnder(string runsFolder) =>
        Directory.Exists(runsFolder) ? [.. Directory.EnumerateDirectories(runsFolder).Select(Path.GetFileName).OfType<string>()] : [];

    public static async Task AssertNoneLeftAsync(IReadOnlyList<string> runs)
    {
        using var docker = LabDockerClient.Create();
        foreach (var run in runs)
        {
            var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"alpy.run={run}"] = true } },
            }, TestContext.Current.CancellationToken);
            containers.Should().BeEmpty($"no container of lab run {run} may remain");
            Directory.EnumerateFileSystemEntries("/sys/class/net", "alpy" + run + "*").Should().BeEmpty($"no tap of lab run {run} may remain");
            Directory.EnumerateDirectories("/proc").Where(p => CommandLine(p).Contains("alpy-" + run, StringComparison.Ordinal))
                .Should().BeEmpty($"no process of lab run {run} (QEMU) may remain");
        }
    }

    private static string CommandLine(string processDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processDirectory, "cmdline")).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
