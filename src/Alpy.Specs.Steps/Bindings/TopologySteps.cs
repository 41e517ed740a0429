using Alpy.Lab.Topology;
using Reqnroll;
using Alpy.Specs.Steps.Catalogue;
using Alpy.Specs.Steps.Scenario;
using Alpy.Specs.Steps.Topology;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>The DUT's links and their address plan: this takes the scenario's lab (shared or booted).</summary>
[Binding]
public sealed class TopologySteps(ScenarioLab lab, ScenarioCancellation cancellation)
{
    /// <summary>The scenario's token: the lab's waits stop when the run is cancelled (Reqnroll passes no CancellationToken to steps).</summary>
    private CancellationToken Token => cancellation.Token;

    private const string Section = "Topology";

    [Given("the DUT has these links:")]
    [StepDoc("The DUT's links, one row per link (and per VLAN): its subnet, the DUT's address on it and the hosts of its node. "
        + "A row's network is IPv4 or IPv6: a link or VLAN with only an IPv6 row is IPv6-only, one with a row of each family is dual-stack. "
        + "Scenarios with the same table share one booted DUT, back at its baseline for each of them. Columns: link, vlan (optional), network, DUT address, hosts.",
        Section = Section, Example = "Given the DUT has these links:",
        Argument = "| link | network         | DUT address   | hosts                   |\n| 0    | 192.168.0.0/24  | 192.168.0.1   | 192.168.0.2             |\n| 0    | 2001:db8:0::/64 | 2001:db8:0::1 | 2001:db8:0::2           |\n| 1    | 192.168.1.0/24  | 192.168.1.1   | 192.168.1.2 192.168.1.3 |")]
    public Task GivenTheDutHasTheseLinks(DataTable links) =>
        lab.StartAsync(TopologyTable.Parse(links), Token);

    [Given("the DUT has {int} link(s)")]
    [StepDoc("The conventional plan, dual-stack: link N is 192.168.N.0/24 with the DUT at .1 and node N at .2, and 2001:db8:N::/64 (N in hex) with the DUT at ::1 and node N at ::2.", Section = Section, Example = "Given the DUT has 2 links")]
    public Task GivenTheDutHasLinks(int count)
    {
        if (count is < 1 or > LabTopology.MaxLinks)
            throw new Values.StepValueException($"\"{count}\" is not a number of links; a DUT has 1 to {LabTopology.MaxLinks}.");
        return lab.StartAsync(LabTopology.WithLinks(count, ipv6: true), Token);
    }
}
