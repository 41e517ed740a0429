using Alpy.Lab;
using Alpy.Lab.Docker;
using Docker.DotNet.Models;

namespace Alpy.Bench.Suite;

/// <summary>
/// What a suite run left behind: containers labelled with one of its labs' run ids (docker ps -a --filter
/// label=alpy.run=ID) and QEMU processes named after them. The labs are the run folders under the run's
/// artifacts directory, so other engineers' labs on this machine are never counted.
/// </summary>
internal static class Leftovers
{
    public static async Task<IReadOnlyList<string>> FindAsync(string runsFolder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(runsFolder))
            return [];
        var ids = Directory.GetDirectories(runsFolder).Select(Path.GetFileName).OfType<string>().ToList();
        var found = new List<string>();
        using var docker = LabDockerClient.Create();
        foreach (var id in ids)
        {
            var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{LabLabels.Run}={id}"] = true } },
            }, cancellationToken).ConfigureAwait(false);
            found.AddRange(containers.Select(c => $"container {string.Join(",", c.Names ?? [])} ({LabLabels.Run}={id}, {c.State})"));
        }
        found.AddRange(QemuProcesses(ids));
        return found;
    }

    /// <summary>QEMU runs with -name alpy-ID (see the run folder's qemu.cmdline).</summary>
    private static IEnumerable<string> QemuProcesses(IReadOnlyCollection<string> ids)
    {
        foreach (var proc in Directory.GetDirectories("/proc"))
        {
            string[] argv;
            try
            {
                argv = File.ReadAllText(Path.Combine(proc, "cmdline")).Split('\0');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone meanwhile, or not ours to read
            }
            var name = Array.IndexOf(argv, "-name") is var at and >= 0 && at + 1 < argv.Length ? argv[at + 1] : null;
            if (name is not null && argv[0].Contains("qemu", StringComparison.Ordinal) && ids.Any(id => name == "alpy-" + id))
                yield return $"QEMU process {Path.GetFileName(proc)} ({name})";
        }
    }
}
