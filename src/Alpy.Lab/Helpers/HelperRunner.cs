using Alpy.Docker;
using Alpy.Lab.Naming;
using Microsoft.Extensions.Logging;

namespace Alpy.Lab.Helpers;

/// <summary>
/// Runs <see cref="HelperJob"/>s: a container of the tools image with CAP_NET_ADMIN and nothing
/// else, created, fed its input files, started, waited for and removed, whatever happens.
/// </summary>
internal sealed class HelperRunner(DockerClient docker, LabNames names, string toolsImage, TimeSpan timeout, ILogger logger)
{
    /// <summary>Where a job's input files appear inside the helper.</summary>
    public const string InputDirectory = "/alpy";

    public async Task<string> RunAsync(HelperJob job, CancellationToken cancellationToken = default)
    {
        var name = names.Unique(LabLabels.Helper);
        var spec = new ContainerSpec
        {
            Image = toolsImage,
            Entrypoint = job.Argv,
            Cmd = [],
            Labels = LabLabels.For(names.Run, LabLabels.Helper),
            HostConfig = new HostConfig
            {
                NetworkMode = job.NetworkMode,
                PidMode = job.PidMode,
                CapDrop = ["ALL"],
                CapAdd = ["NET_ADMIN"],
                Devices = job.NeedsTun ? [DeviceMapping.Same("/dev/net/tun")] : null,
                SecurityOpt = ["no-new-privileges"],
            },
        };
        string? id = null;
        try
        {
            id = (await docker.Containers.CreateAsync(spec, name, cancellationToken).ConfigureAwait(false)).Id;
            if (job.Files.Count > 0)
                await docker.Containers.UploadFilesAsync(id, "/", [.. job.Files.Select(f => f with { Name = InputDirectory[1..] + "/" + f.Name })],
                    cancellationToken).ConfigureAwait(false);
            ContainerExit exit;
            using (var wait = await docker.Containers.BeginWaitAsync(id, WaitCondition.NextExit, cancellationToken).ConfigureAwait(false))
            {
                await docker.Containers.StartAsync(id, cancellationToken).ConfigureAwait(false);
                exit = await wait.GetExitAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
            var output = await docker.Containers.GetLogsAsync(id, new ContainerLogsOptions { Timeout = timeout }, cancellationToken)
                .ConfigureAwait(false);
            Log.HelperRan(logger, name, job.Purpose, exit.StatusCode);
            if (exit.StatusCode != 0)
                throw new LabException(
                    $"Could not {job.Purpose}: helper container {name} ({string.Join(' ', job.Argv)}) exited with {exit.StatusCode}: "
                    + $"{(output.Stderr + output.Stdout).Trim()}. {job.Fix}");
            return output.Stdout;
        }
        catch (DockerNotFoundException e) when (id is null)
        {
            throw new LabException(
                $"Could not {job.Purpose}: the tools image {toolsImage} does not exist. Images are never pulled: leave LabOptions.ToolsImage "
                + "null for the lab's own (built at start), or build yours first.", e);
        }
        catch (DockerException e) when (e.Message.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase))
        {
            throw new LabException(
                $"Could not {job.Purpose}: helper container {name}: {e.Message} The image {toolsImage} lacks {job.Argv[0]}; "
                + "use the lab's tools image (LabOptions.ToolsImage = null) or add iproute2 at that path.", e);
        }
        catch (DockerException e)
        {
            throw new LabException($"Could not {job.Purpose}: helper container {name}: {e.Message} {job.Fix}", e);
        }
        finally
        {
            if (id is not null)
                await RemoveQuietlyAsync(id).ConfigureAwait(false);
        }
    }

    private async Task RemoveQuietlyAsync(string id)
    {
        try
        {
            // Not the caller's token: a cancelled step must still leave nothing behind.
            await docker.Containers.RemoveAsync(id, force: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerException e)
        {
            Log.RemoveFailed(logger, id, e.Message);
        }
    }
}
