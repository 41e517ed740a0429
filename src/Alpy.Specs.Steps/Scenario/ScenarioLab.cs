using System.Globalization;
using System.Net;
using Alpy.Lab.Nodes;
using Alpy.Lab.Topology;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Labs;
using Alpy.Specs.Steps.Values;
using Reqnroll;

namespace Alpy.Specs.Steps.Scenario;

/// <summary>
/// The scenario's lab: taken from the pool by the topology step, and the resolver of the topology's words (node 1,
/// host 192.168.1.3, link 1, VLAN 10 on link 1) to the lab's nodes and interfaces, with errors that name what the
/// topology has instead. One per scenario (injected into the bindings).
/// </summary>
public sealed class ScenarioLab(LabPool pool, ScenarioContext scenario, FeatureContext feature, ScenarioTimeline timeline)
{
    private LabLease? _lease;

    /// <summary>The lab; a step that needs it before the topology step fails saying how to start one.</summary>
    /// <exception cref="StepValueException">The scenario has no lab yet.</exception>
    public LabLease Lease => _lease ?? throw new StepValueException(
        "This scenario has no lab yet: describe the DUT's links first, e.g. in the Background with \"Given the DUT has these links:\" and a table (or \"Given the DUT has 2 links\").");

    /// <summary>Whether the topology step ran.</summary>
    public bool HasLab => _lease is not null;

    /// <summary>The pool's settings.</summary>
    public Settings.SuiteSettings Settings => pool.Settings;

    /// <summary>The driver of the DUT (checked alive first; see <see cref="ConfigureAsync"/> for steps that configure it).</summary>
    public IDutDriver Dut
    {
        get
        {
            EnsureAlive();
            return Lease.Driver;
        }
    }

    /// <summary>Applies a configuration step through the DUT's driver; if the DUT died meanwhile, the step fails saying so.</summary>
    /// <exception cref="LabBrokenException">The DUT died before or during the step.</exception>
    public async Task ConfigureAsync(Func<IDutDriver, Task> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        try
        {
            await configure(Dut).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not LabBrokenException && Broken(e) is { } broken)
        {
            throw broken;
        }
    }

    /// <summary>
    /// Fails when the lab broke: the DUT's QEMU has exited. Free while the DUT runs (a look at a finished task), so
    /// every step that touches the lab calls it, and a scenario during which the DUT died fails saying so, not with
    /// the traffic that failed because of it.
    /// </summary>
    /// <exception cref="LabBrokenException">The DUT died; the message says when in the scenario, how, and its last words.</exception>
    public void EnsureAlive()
    {
        if (Broken(null) is { } broken)
            throw broken;
    }

    /// <summary>The exception that says the DUT died, with <paramref name="inner"/> (what failed because of it); null while it runs.</summary>
    internal LabBrokenException? Broken(Exception? inner) =>
        _lease?.Lab.Dut.Death is { } death
            ? BrokenBy($"the DUT {death.Dut} died: QEMU (pid {death.Pid}) {death.How}", death.At, "the DUT was gone",
                " If the DUT crashed by itself, its console (dut-console.txt in this scenario's evidence, and below) says why.", inner,
                Block("QEMU stderr (last lines)", death.QemuStderr) + Block("DUT console (last lines)", death.ConsoleTail))
            : null;

    /// <summary>
    /// After something failed: the exception that says the lab broke (the DUT died, or a node container stopped), or null
    /// when the lab is whole and the failure is the scenario's own. Asks the daemon about every node, so it is for failure
    /// paths only.
    /// </summary>
    internal async Task<LabBrokenException?> BrokenAsync(Exception? inner, CancellationToken cancellationToken)
    {
        if (Broken(inner) is { } dut)
            return dut;
        if (_lease is null || await _lease.Lab.FindDeadNodeAsync(cancellationToken).ConfigureAwait(false) is not { } node)
            return null;
        var name = NodeName(node.Node);
        return BrokenBy($"{name}'s container {node.Node.ContainerName} {node.How}", node.At, $"{name}'s network namespace (its link's tap and addresses) was gone",
            $" The lab's run folder ({_lease.Lab.Folder.Path}) has its log.", inner, "");
    }

    private LabBrokenException BrokenBy(string what, DateTimeOffset? at, string consequence, string lookAt, Exception? inner, string blocks)
    {
        var when = at is { } time ? $" at {time.ToLocalTime():HH:mm:ss.fff}, {timeline.Describe(time)}" : " (the daemon does not say when)";
        var message = $"The lab broke during this scenario: {what}{when}. "
            + $"This is the lab failing, not a verdict on the DUT's configuration: whatever failed after that moment failed because {consequence}."
            + lookAt + " The next scenario gets a new lab." + blocks;
        return inner is null ? new LabBrokenException(message) : new LabBrokenException(message, inner);
    }

    private static string Block(string title, string text) =>
        $"\n{title}:\n" + (string.IsNullOrWhiteSpace(text) ? "  (nothing)" : string.Join('\n', text.TrimEnd().Split('\n').Select(l => "  | " + l)));

    /// <summary>Takes a lab for <paramref name="topology"/> from the pool.</summary>
    /// <exception cref="StepValueException">The scenario has a lab already.</exception>
    /// <exception cref="LabUnavailableException">No lab came up.</exception>
    public async Task StartAsync(LabTopology topology, CancellationToken cancellationToken = default)
    {
        if (_lease is not null)
            throw new StepValueException("This scenario describes the DUT's links twice; describe them once (in the Background or in the scenario).");
        _lease = await pool.AcquireAsync(topology, Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives the lab back (kept for investigation if the scenario failed and keeping is on).</summary>
    internal Task<KeptLab?> ReleaseAsync(bool failed) =>
        _lease is null ? Task.FromResult<KeptLab?>(null) : pool.ReleaseAsync(_lease, failed, $"scenario {Name} failed");

    /// <summary>The scenario as messages name it: "Title" (feature "Feature title").</summary>
    private string Name => $"\"{Title(scenario.ScenarioInfo)}\" (feature \"{feature.FeatureInfo.Title}\")";

    /// <summary>The scenario's title, an outline row's with its values put in (Reqnroll's ScenarioInfo keeps the placeholders).</summary>
    public static string Title(ScenarioInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var title = info.Title;
        foreach (System.Collections.DictionaryEntry argument in info.Arguments)
            title = title.Replace($"<{argument.Key}>", argument.Value?.ToString(), StringComparison.Ordinal);
        return title;
    }

    /// <summary>The lab's node for <paramref name="node"/>.</summary>
    /// <exception cref="StepValueException">The topology has no such link or VLAN.</exception>
    public LabNode Node(NodeRef node)
    {
        ArgumentNullException.ThrowIfNull(node);
        EnsureAlive();
        var lab = Lease.Lab;
        return lab.Nodes.FirstOrDefault(n => n.Link == node.Link && n.VlanId == node.Vlan)
            ?? throw new StepValueException($"There is no {node} in this scenario's topology; its nodes are {string.Join(", ", lab.Nodes.Select(NodeName))}.");
    }

    /// <summary>The node and address of <paramref name="host"/>: a node's primary address, or the node holding an address.</summary>
    /// <exception cref="StepValueException">The topology has no such node or host.</exception>
    public (LabNode Node, IPAddress Address) Host(HostRef host)
    {
        ArgumentNullException.ThrowIfNull(host);
        EnsureAlive();
        if (host.Node is { } node)
        {
            var found = Node(node);
            return (found, found.Address);
        }

        var owner = Lease.Lab.Nodes.FirstOrDefault(n => Addresses(n).Contains(host.Address!))
            ?? throw new StepValueException($"No node holds {host.Address} in this scenario's topology; its hosts are {string.Join(", ", Lease.Lab.Nodes.SelectMany(n => Addresses(n).Select(a => $"{a} ({NodeName(n)})")))}.");
        return (owner, host.Address!);
    }

    /// <summary>
    /// The node of <paramref name="host"/>, checked to have an address of <paramref name="to"/>'s family: traffic to an IPv6
    /// address from a node on an IPv4-only link (or to an IPv4 address from an IPv6-only one) would fail for a reason that is
    /// the scenario's, not the DUT's.
    /// </summary>
    /// <exception cref="StepValueException">The topology has no such node, or the node has no address of that family.</exception>
    public LabNode Sender(HostRef host, IPAddress to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var (node, _) = Host(host);
        if (to.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && node.Ipv6 is null)
            throw new StepValueException($"{host} cannot send to the IPv6 address {to}: {NodeName(node)}'s {Where(node)} is IPv4-only in this scenario's topology "
                + $"({node.Ipv4?.Subnet}); give it an IPv6 row in the links table (network, DUT address, hosts), or send to an IPv4 address.");
        if (to.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && node.Ipv4 is null)
            throw new StepValueException($"{host} cannot send to the IPv4 address {to}: {NodeName(node)}'s {Where(node)} is IPv6-only in this scenario's topology "
                + $"({node.Ipv6?.Subnet}); give it an IPv4 row in the links table (network, DUT address, hosts), or send to an IPv6 address.");
        return node;
    }

    /// <summary>The DUT's address on <paramref name="host"/>'s subnet of the family named (IPv4 or IPv6).</summary>
    /// <exception cref="StepValueException">The host's link has no subnet of that family.</exception>
    public IPAddress DutAddress(HostRef host, bool ipv6)
    {
        var (node, _) = Host(host);
        if (!ipv6)
            return node.Ipv4?.DutAddress ?? throw new StepValueException(
                $"{host}'s {Where(node)} is IPv6-only in this scenario's topology ({node.Ipv6?.Subnet}), so the DUT has no IPv4 address there; give it an IPv4 row in the links table.");
        return node.Ipv6?.DutAddress ?? throw new StepValueException(
            $"{host}'s {Where(node)} is IPv4-only in this scenario's topology ({node.Ipv4?.Subnet}), so the DUT has no IPv6 address there; give it an IPv6 row in the links table.");
    }

    private static string Where(LabNode node) => node.VlanId is { } vlan
        ? string.Create(CultureInfo.InvariantCulture, $"VLAN {vlan} on link {node.Link}")
        : string.Create(CultureInfo.InvariantCulture, $"link {node.Link}");

    private static IEnumerable<IPAddress> Addresses(LabNode node) =>
        new[] { node.Ipv4, node.Ipv6 }.OfType<SubnetPlan>().SelectMany(p => p.NodeAddresses);

    /// <summary>The link number, checked against the topology.</summary>
    /// <exception cref="StepValueException">The topology has no such link.</exception>
    public int Link(LinkRef link)
    {
        ArgumentNullException.ThrowIfNull(link);
        EnsureAlive();
        CheckLink(link.Number);
        return link.Number;
    }

    /// <summary>The DUT interface, checked against the topology.</summary>
    /// <exception cref="StepValueException">The topology has no such link or VLAN.</exception>
    public DutPort Port(DutPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        CheckLink(port.Link);
        if (port.Vlan is { } vlan && !Lease.Topology.Links[port.Link].Vlans.Any(v => v.Id == vlan))
            throw new StepValueException($"There is no VLAN {vlan} on link {port.Link} in this scenario's topology; link {port.Link} has {Vlans(port.Link)}.");
        return port;
    }

    private void CheckLink(int link)
    {
        var links = Lease.Topology.Links.Length;
        if (link >= links)
            throw new StepValueException(string.Create(CultureInfo.InvariantCulture,
                $"There is no link {link} in this scenario's topology; it has link{(links == 1 ? " 0" : $"s 0 to {links - 1}")}."));
    }

    private string Vlans(int link)
    {
        var vlans = Lease.Topology.Links[link].Vlans;
        return vlans.IsEmpty ? "no VLANs" : "VLAN " + string.Join(", ", vlans.Select(v => v.Id.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A node as the steps name it: node 1 or node 1.10.</summary>
    internal static string NodeName(LabNode node) => new NodeRef(node.Link, node.VlanId).ToString();
}
