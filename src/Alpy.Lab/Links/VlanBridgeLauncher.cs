using System.Globalization;
using Alpy.Lab.Docker;
using Alpy.Lab.Helpers;
using Alpy.Lab.Naming;
using Alpy.Lab.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Links;

/// <summary>
/// Starts a link's user-space 802.1Q bridge (alpy-vlan-bridge, built into the tools image) in a
/// container sharing the link node's network namespace, with CAP_NET_ADMIN and CAP_NET_RAW only.
/// </summary>
internal sealed class VlanBridgeLauncher(IDockerClient docker, LabNames names, string toolsImage)
{
    /// <summary>Where the tools image holds the bridge program.</summary>
    public const string ProgramPath = ToolsLayout.VlanBridge;

    public async Task StartAsync(LabNode linkNode, IReadOnlyList<(int Vlan, string Tap)> vlans, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = names.Container(linkNode.Name + "-vlan-bridge");
        var argv = new List<string> { ProgramPath, linkNode.Interface };
        argv.AddRange(vlans.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Vlan}={v.Tap}")));
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = toolsImage,
            Entrypoint = argv,
            Cmd = [],
            Labels = LabLabels.For(names.Run, LabLabels.VlanBridge, linkNode.Link),
            HostConfig = new HostConfig
            {
                NetworkMode = "container:" + linkNode.ContainerId,
                CapDrop = ["ALL"],
                CapAdd = ["NET_ADMIN", "NET_RAW"],
                Devices = [new DeviceMapping { PathOnHost = "/dev/net/tun", PathInContainer = "/dev/net/tun", CgroupPermissions = "rwm" }],
                SecurityOpt = ["no-new-privileges"],
            },
        };
        string id;
        try
        {
            id = (await docker.CallAsync(token => docker.Containers.CreateContainerAsync(parameters, token), cancellationToken).ConfigureAwait(false)).ID;
            await docker.CallAsync(token => docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), token), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw new LabException($"Could not start the VLAN bridge of link {linkNode.Link} ({name}): {DaemonMessage.Of(e)}", e);
        }

        var outcome = await ReadyLine.WaitAsync(docker, id, "ready", timeout, cancellationToken).ConfigureAwait(false);
        if (outcome.Ready)
            return;
        throw new LabException(outcome.TimedOut
            ? $"The VLAN bridge of link {linkNode.Link} ({name}) was not ready within {timeout.TotalSeconds:0.#} s: «{outcome.Output}»."
            : $"The VLAN bridge of link {linkNode.Link} ({name}, {string.Join(' ', argv)}) stopped: «{outcome.Output}». "
              + "It needs /dev/net/tun, CAP_NET_ADMIN and the link interface in the node.");
    }
}
