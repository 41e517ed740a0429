using Alpy.Lab.Docker;
using Alpy.Lab.Helpers;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Alpy.Lab.Runs;

/// <summary>
/// Removes what this user's dead runs left behind, and only that: a run is dead when its registry lock is free
/// (its process is gone, however it died) or when it has no registry folder at all. Live runs,
/// e.g. another lab on this machine right now, and every other user's runs (containers labelled with
/// another <see cref="LabLabels.Owner"/>, taps owned by another user) are left alone.
/// </summary>
/// <param name="docker">The Docker client.</param>
/// <param name="registry">This user's run registry.</param>
/// <param name="helpers">Makes the runner of the helper that deletes leftover host taps (only called when there are some).</param>
/// <param name="logger">Where reaping is reported.</param>
internal sealed class Reaper(IDockerClient docker, RunRegistry registry, Func<CancellationToken, Task<HelperRunner>> helpers, ILogger logger)
{
    public async Task<ReapReport> ReapAsync(CancellationToken cancellationToken = default)
    {
        var claimed = registry.ClaimDeadRuns();
        try
        {
            var dead = claimed.Select(l => l.Id).ToHashSet();
            var processes = new List<int>();
            foreach (var lease in claimed)
            {
                var pids = RunProcesses.Find(lease.Directory);
                await RunProcesses.KillAsync(pids, cancellationToken).ConfigureAwait(false);
                processes.AddRange(pids);
            }

            // Objects whose run has no folder at all are dead too (the folder went with a cleaned /tmp).
            bool IsDead(RunId run) => dead.Contains(run) || !registry.IsLive(run);

            var containers = await ReapContainersAsync(IsDead, dead, cancellationToken).ConfigureAwait(false);
            var taps = HostTaps.List().Where(t => t.Owner == Native.GetEffectiveUserId() && IsDead(t.Run)).ToList();
            if (taps.Count > 0)
                await DeleteTapsAsync(taps.Select(t => t.Name).ToList(), cancellationToken).ConfigureAwait(false);

            var report = new ReapReport([.. dead.OrderBy(run => run.Value, StringComparer.Ordinal)], containers, [.. taps.Select(t => t.Name)], processes);
            if (!report.IsEmpty)
                Log.Reaped(logger, report);
            return report;
        }
        finally
        {
            foreach (var lease in claimed)
                lease.Dispose();
        }
    }

    private async Task<IReadOnlyList<string>> ReapContainersAsync(Func<RunId, bool> isDead, HashSet<RunId> dead, CancellationToken cancellationToken)
    {
        // Only this user's containers: another user's runs are in that user's registry, so they all look dead from here.
        var owner = $"{LabLabels.Owner}={Native.GetEffectiveUserId().ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var all = await docker.CallAsync(token => docker.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = DockerCalls.LabelFilter([LabLabels.Run, owner]) }, token), cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        foreach (var container in all)
        {
            if (container.Labels is null || !container.Labels.TryGetValue(LabLabels.Run, out var value) || !RunId.TryParse(value, out var run) || !isDead(run))
                continue;
            try
            {
                await docker.CallAsync(token => docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, token),
                    cancellationToken).ConfigureAwait(false);
                removed.Add(container.Names is { Count: > 0 } names ? names[0].TrimStart('/') : container.ID);
                dead.Add(run);
            }
            catch (DockerContainerNotFoundException)
            {
                // Removed meanwhile (auto-remove, or its own run's teardown).
            }
        }
        return removed;
    }

    private async Task DeleteTapsAsync(IReadOnlyList<string> taps, CancellationToken cancellationToken) =>
        await (await helpers(cancellationToken).ConfigureAwait(false)).RunAsync(new HelperJob
        {
            Purpose = $"delete leftover taps {string.Join(", ", taps)}",
            Argv = [ToolsLayout.Ip, "-force", "-batch", HelperRunner.InputDirectory + "/reap.batch"],
            Files = [ArchiveFile.FromText("reap.batch", string.Concat(taps.Select(t => $"link delete dev {t}\n")))],
            Fix = "Delete them by hand as root: ip link delete dev NAME.",
        }, cancellationToken).ConfigureAwait(false);
}
