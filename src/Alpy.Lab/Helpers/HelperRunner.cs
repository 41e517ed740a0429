using Alpy.Lab.Docker;
using Alpy.Lab.Naming;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Alpy.Lab.Helpers;

/// <summary>
/// Runs <see cref="HelperJob"/>s: a container of the tools image with CAP_NET_ADMIN and nothing
/// else, created, fed its input files, started, waited for and removed, whatever happens.
/// </summary>
internal sealed class HelperRunner(IDockerClient docker, ContainerRemovals removals, LabNames names, string toolsImage, TimeSpan timeout, ILogger logger)
{
    /// <summary>Where a job's input files appear inside the helper.</summary>
    public const string InputDirectory = "/alpy";

    /// <summary>Runs the job and returns what it wrote to stdout.</summary>
    /// <exception cref="LabException">It could not run or exited with an error; the message names the step, the container and the fix.</exception>
    public async Task<string> RunAsync(HelperJob job, CancellationToken cancellationToken = default)
    {
        var name = names.Unique(LabLabels.Helper);
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = toolsImage,
            Entrypoint = [.. job.Argv],
            Cmd = [],
            Labels = LabLabels.For(names.Run, LabLabels.Helper),
            HostConfig = new HostConfig
            {
                NetworkMode = job.NetworkMode,
                PidMode = job.PidMode ?? "",
                CapDrop = ["ALL"],
                CapAdd = ["NET_ADMIN"],
                Devices = job.NeedsTun ? [new DeviceMapping { PathOnHost = "/dev/net/tun", PathInContainer = "/dev/net/tun", CgroupPermissions = "rwm" }] : null,
                SecurityOpt = ["no-new-privileges"],
            },
        };
        ContainerExit exit;
        try
        {
            var id = (await docker.CallAsync(token => docker.Containers.CreateContainerAsync(parameters, token), cancellationToken).ConfigureAwait(false)).ID;
            await UploadAsync(id, job, cancellationToken).ConfigureAwait(false);
            exit = await ContainerRun.RunAsync(removals, id, name, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException e)
        {
            throw new LabException(
                $"Could not {job.Purpose}: the tools image {toolsImage} does not exist. Images are never pulled: leave LabOptions.ToolsImage "
                + "null for the lab's own (built at start), or build yours first.", e);
        }
        catch (ContainerTimeoutException e)
        {
            throw new LabException(
                $"Could not {job.Purpose}: helper container {name} did not finish within {timeout.TotalSeconds:0.#} s. {e.OutputSoFar}. {job.Fix}", e);
        }
        catch (DockerApiException e) when (DaemonMessage.Of(e).Contains("no such file or directory", StringComparison.OrdinalIgnoreCase))
        {
            throw new LabException(
                $"Could not {job.Purpose}: helper container {name}: {DaemonMessage.Of(e)} The image {toolsImage} lacks {job.Argv[0]}; "
                + "use the lab's tools image (LabOptions.ToolsImage = null) or add iproute2 at that path.", e);
        }
        catch (DockerApiException e)
        {
            throw new LabException($"Could not {job.Purpose}: helper container {name}: {DaemonMessage.Of(e)} {job.Fix}", e);
        }

        Log.HelperRan(logger, name, job.Purpose, exit.ExitCode);
        if (exit.ExitCode != 0)
            throw new LabException(
                $"Could not {job.Purpose}: helper container {name} ({string.Join(' ', job.Argv)}) exited with {exit.ExitCode}: "
                + $"{(exit.Output.Stderr + exit.Output.Stdout).Trim()}. {job.Fix}");
        return exit.Output.Stdout;
    }

    /// <summary>Puts the job's input files into the created helper; removes it when that fails.</summary>
    private async Task UploadAsync(string id, HelperJob job, CancellationToken cancellationToken)
    {
        if (job.Files.Count == 0)
            return;
        try
        {
            await ArchiveFile.UploadAsync(docker, id, [.. job.Files.Select(f => f with { Name = InputDirectory[1..] + "/" + f.Name })], cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            await ContainerRun.RemoveAsync(docker, id).ConfigureAwait(false);
            throw;
        }
    }
}
