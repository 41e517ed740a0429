using Alpy.Lab.Docker;
using Alpy.Lab.Helpers;
using Alpy.Lab.Naming;
using Alpy.Lab.Topology;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Nodes;

/// <summary>
/// Creates and starts node containers: network <c>none</c>, CAP_NET_ADMIN over their own namespace
/// only (to configure their tap once it arrives), no other capability.
/// </summary>
internal sealed class NodeLauncher(IDockerClient docker, LabNames names, string toolsImage)
{
    /// <summary>
    /// Docker turns IPv6 off in a container's namespace unless its network has IPv6, and a tap moved in later takes the
    /// namespace's defaults; without duplicate address detection its link-local address is usable at once, so the
    /// first neighbour solicitation of the first scenario does not wait out DAD (the global addresses are added nodad).
    /// </summary>
    private static readonly Dictionary<string, string> Ipv6Sysctls = new()
    {
        ["net.ipv6.conf.all.disable_ipv6"] = "0",
        ["net.ipv6.conf.default.disable_ipv6"] = "0",
        ["net.ipv6.conf.default.accept_dad"] = "0",
    };

    public async Task<LabNode> StartAsync(string nodeName, int link, int? vlan, string tap, SubnetPlan? ipv4, SubnetPlan? ipv6,
        CancellationToken cancellationToken)
    {
        var containerName = names.Container(nodeName);
        var parameters = new CreateContainerParameters
        {
            Name = containerName,
            Image = toolsImage,
            Entrypoint = [ToolsLayout.Shell, NodeConfig.ScriptPath],
            Cmd = [],
            OpenStdin = true,
            Hostname = nodeName.Replace('.', '-'),
            Labels = LabLabels.For(names.Run, LabLabels.Node, link, vlan),
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                CapDrop = ["ALL"],
                CapAdd = ["NET_ADMIN"],
                SecurityOpt = ["no-new-privileges"],
                Sysctls = ipv6 is null ? null : Ipv6Sysctls,
            },
        };
        string id;
        try
        {
            id = (await docker.CallAsync(token => docker.Containers.CreateContainerAsync(parameters, token), cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerImageNotFoundException e)
        {
            throw new LabException(
                $"Could not create node {nodeName}: the tools image {toolsImage} does not exist. Images are never pulled: leave "
                + "LabOptions.ToolsImage null for the lab's own (built at start), or build yours first.", e);
        }
        catch (DockerApiException e)
        {
            throw new LabException($"Could not create node {nodeName} (container {containerName}): {DaemonMessage.Of(e)}", e);
        }

        try
        {
            await ArchiveFile.UploadAsync(docker, id, [
                ArchiveFile.FromText("alpy/node-up", NodeConfig.Script),
                ArchiveFile.FromText("alpy/link", tap + "\n"),
                ArchiveFile.FromText("alpy/node.batch", NodeConfig.Batch(tap, ipv4, ipv6)),
            ], cancellationToken).ConfigureAwait(false);
            await docker.CallAsync(token => docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), token), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw new LabException($"Could not start node {nodeName} (container {containerName}): {DaemonMessage.Of(e)}", e);
        }
        return new LabNode
        {
            Name = nodeName, ContainerId = id, ContainerName = containerName, Link = link, VlanId = vlan,
            Interface = tap, Ipv4 = ipv4, Ipv6 = ipv6,
        };
    }

    /// <summary>Moves a tap from the helper's network namespace (host, or a link node's) into the node's.</summary>
    public static HelperJob MoveTap(string tap, LabNode node, string fromNetworkMode) => new()
    {
        Purpose = $"move tap {tap} into {node.Name}",
        Argv = [ToolsLayout.Ip, "link", "set", "dev", tap, "netns", "1"],
        NetworkMode = fromNetworkMode,
        PidMode = "container:" + node.ContainerId,
        Fix = $"Check that {node.ContainerName} runs (docker ps) and that {tap} exists; the console log and QEMU stderr in the run folder may say more.",
    };

    /// <summary>Waits until the node says its interface is configured; fails with its output when it died instead.</summary>
    public async Task WaitReadyAsync(LabNode node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = await ReadyLine.WaitAsync(docker, node.ContainerId, NodeConfig.ReadyLine, timeout, cancellationToken).ConfigureAwait(false);
        if (outcome.Ready)
            return;
        throw new LabException(outcome.TimedOut
            ? $"Node {node.Name} ({node.ContainerName}) did not configure {node.Interface} within {timeout.TotalSeconds:0.#} s; it wrote: «{outcome.Output}»."
            : $"Node {node.Name} ({node.ContainerName}) stopped before its interface {node.Interface} was configured; it wrote: «{outcome.Output}». "
              + "Check the addresses in the topology and that the tap was moved into the node.");
    }
}
