using System.Collections.Immutable;
using System.Net;
using Reqnroll;
using Alpy.Specs.Steps.Catalogue;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Scenario;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>DUT configuration in domain words, through the appliance's <see cref="IDutDriver"/>.</summary>
[Binding]
public sealed class DutSteps(ScenarioLab lab, ScenarioCancellation cancellation)
{
    /// <summary>The scenario's token: the lab's waits stop when the run is cancelled (Reqnroll passes no CancellationToken to steps).</summary>
    private CancellationToken Token => cancellation.Token;

    private const string Section = "DUT configuration";

    [Given("the DUT forwards traffic")]
    [StepDoc("Routing between the links on (the baseline after every reset).", Section = Section, Example = "Given the DUT forwards traffic")]
    public Task GivenTheDutForwards() => lab.ConfigureAsync(dut => dut.SetForwardingAsync(true, Token));

    [Given("the DUT does not forward traffic")]
    [StepDoc("Routing between the links off: nothing crosses the DUT; it still answers on its own addresses.", Section = Section,
        Example = "Given the DUT does not forward traffic")]
    public Task GivenTheDutDoesNotForward() => lab.ConfigureAsync(dut => dut.SetForwardingAsync(false, Token));

    /// <summary>What every filter step's documentation says about flows: the stateful contract of <see cref="IDutDriver.FilterAsync"/>.</summary>
    private const string Stateful =
        " Like a stateful firewall, the rule stops what starts on its from side: a connection, UDP exchange or ping that the other side"
        + " starts passes, and so do its replies and the ICMP errors about it (a rule against ICMP from link 2 to link 0 leaves link 0's own"
        + " pings to link 2 working). For a stateless rule, add \", replies included\".";

    /// <summary>What every filter step's documentation says about address families.</summary>
    private const string Families =
        " A rule covers IPv4 and IPv6 unless its words begin with one of them (\"IPv4 TCP port 22\"): ICMP then means ICMP and ICMPv6."
        + " A rule for one family leaves the other open, the classic hole.";

    /// <summary>The stateless form's documentation.</summary>
    private const string Stateless =
        " Stateless: every matching packet, also the replies of connections, exchanges and pings that the other side started.";

    [Given("the DUT drops {traffic}")]
    [StepDoc("Discards the traffic named, silently: the sender waits in vain and nothing reaches the far link." + Families + Stateful, Section = Section,
        Example = "Given the DUT drops TCP port 8080 from link 0 to link 1")]
    public Task GivenTheDutDrops(TrafficSelector traffic) =>
        lab.ConfigureAsync(dut => dut.FilterAsync(new FilterRule(FilterAction.Drop, Checked(traffic)), Token));

    [Given("the DUT rejects {traffic}")]
    [StepDoc("Discards the traffic named and answers: a TCP reset for TCP, an ICMP (ICMPv6) port unreachable otherwise." + Families + Stateful, Section = Section,
        Example = "Given the DUT rejects UDP port 5353")]
    public Task GivenTheDutRejects(TrafficSelector traffic) =>
        lab.ConfigureAsync(dut => dut.FilterAsync(new FilterRule(FilterAction.Reject, Checked(traffic)), Token));

    [Given("the DUT drops {traffic}, replies included")]
    [StepDoc("Discards every packet of the traffic named, silently." + Stateless, Section = Section,
        Example = "Given the DUT drops ICMP from link 1 to link 0, replies included")]
    public Task GivenTheDutDropsStateless(TrafficSelector traffic) =>
        lab.ConfigureAsync(dut => dut.FilterAsync(new FilterRule(FilterAction.Drop, Checked(traffic), RepliesIncluded: true), Token));

    [Given("the DUT rejects {traffic}, replies included")]
    [StepDoc("Discards every packet of the traffic named and answers it: a TCP reset for TCP, an ICMP (ICMPv6) port unreachable otherwise." + Stateless,
        Section = Section, Example = "Given the DUT rejects TCP from link 1 to link 0, replies included")]
    public Task GivenTheDutRejectsStateless(TrafficSelector traffic) =>
        lab.ConfigureAsync(dut => dut.FilterAsync(new FilterRule(FilterAction.Reject, Checked(traffic), RepliesIncluded: true), Token));

    [Given("the DUT reroutes {protocol} port {port} to {address} port {port}")]
    [StepDoc("Redirects connections for a port (to any address) to another address and port (DNAT), in the family of that address: a reroute to an IPv6 address leaves IPv4 alone.", Section = Section,
        Example = "Given the DUT reroutes TCP port 80 to 192.168.1.2 port 88", Ipv6Example = "Given the DUT reroutes TCP port 80 to 2001:db8:1::2 port 88")]
    public Task GivenTheDutReroutes(TrafficProtocol protocol, Port port, IPAddress address, Port toPort) =>
        lab.ConfigureAsync(dut => dut.RerouteAsync(new RerouteRule(WithPorts(protocol), port, InLab(address), toPort), Token));

    [Given("the DUT masquerades traffic leaving {interface}")]
    [StepDoc("Traffic the DUT sends out of an interface carries the DUT's own address there as its source (source NAT).", Section = Section,
        Example = "Given the DUT masquerades traffic leaving link 1")]
    public Task GivenTheDutMasquerades(DutPort port) =>
        lab.ConfigureAsync(dut => dut.MasqueradeAsync(new MasqueradeRule(lab.Port(port)), Token));

    [Given("the DUT limits traffic leaving {interface} to {rate}")]
    [StepDoc("Traffic the DUT sends out of an interface is held to a rate (shaped).", Section = Section,
        Example = "Given the DUT limits traffic leaving link 1 to 2 Mbit/s")]
    public Task GivenTheDutLimits(DutPort port, Rate rate) =>
        lab.ConfigureAsync(dut => dut.LimitAsync(new RateLimitRule(lab.Port(port), rate), Token));

    [Given("the DUT balances {protocol} port {port} of {address} across {address} and {address} in the ratio {ratio}")]
    [StepDoc("New connections to one address and port are spread over two backends in a proportion (all three addresses of one family).", Section = Section,
        Example = "Given the DUT balances TCP port 80 of 192.168.1.100 across 192.168.1.2 and 192.168.1.3 in the ratio 3:1",
        Ipv6Example = "Given the DUT balances TCP port 80 of 2001:db8:1::100 across 2001:db8:1::2 and 2001:db8:1::3 in the ratio 1:1")]
    public Task GivenTheDutBalancesInRatio(TrafficProtocol protocol, Port port, IPAddress address, IPAddress first, IPAddress second, Ratio ratio)
    {
        if (ratio.Weights.Length != 2)
            throw new StepValueException($"The ratio {ratio} has {ratio.Weights.Length} parts for 2 backends; give one weight per backend, e.g. 3:1.");
        return BalanceAsync(protocol, port, address, [new Backend(InLab(first), ratio.Weights[0]), new Backend(InLab(second), ratio.Weights[1])], Token);
    }

    [Given("the DUT balances {protocol} port {port} of {address} across these backends:")]
    [StepDoc("New connections to one address and port are spread over the backends of the table by weight (columns: backend, weight).",
        Section = Section, Example = "Given the DUT balances TCP port 80 of 192.168.1.100 across these backends:",
        Argument = "| backend     | weight |\n| 192.168.1.2 | 1      |",
        Ipv6Example = "Given the DUT balances TCP port 80 of 2001:db8:1::100 across these backends:\n| backend       | weight |\n| 2001:db8:1::2 | 1      |")]
    public Task GivenTheDutBalancesAcross(TrafficProtocol protocol, Port port, IPAddress address, DataTable backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        if (!backends.ContainsColumn("backend") || !backends.ContainsColumn("weight") || backends.Header.Count != 2)
            throw new StepValueException("The backends table needs exactly the columns \"backend\" and \"weight\".");
        if (backends.RowCount is 0 or > BalanceRule.MaxBackends)
            throw new StepValueException($"The backends table has {backends.RowCount} rows; give 1 to {BalanceRule.MaxBackends} backends.");
        var list = backends.Rows.Select((row, i) =>
        {
            var weight = NodeRef.Number(row["weight"].Trim(), 1, 100)
                ?? throw new StepValueException($"Row {i + 1} of the backends table: \"{StepValueException.Shown(row["weight"])}\" is not a weight; write a whole number from 1 to 100.");
            return new Backend(InLab(IpAddressText.Parse(row["backend"].Trim())), weight);
        }).ToImmutableArray();
        return BalanceAsync(protocol, port, address, list, Token);
    }

    private Task BalanceAsync(TrafficProtocol protocol, Port port, IPAddress address, ImmutableArray<Backend> backends, CancellationToken cancellationToken)
    {
        if (backends.Select(b => b.Address).Distinct().Count() != backends.Length)
            throw new StepValueException("A backend is named twice; name each backend once and give it a weight.");
        if (backends.FirstOrDefault(b => b.Address.AddressFamily != address.AddressFamily) is { } other)
            throw new StepValueException($"The backend {other.Address} is {IpAddressText.Family(other.Address)} but the service address {address} is {IpAddressText.Family(address)}; "
                + "the DUT rewrites a connection's destination within its family: give backends of the service address's family.");
        return lab.ConfigureAsync(dut => dut.BalanceAsync(new BalanceRule(WithPorts(protocol), InLab(address), port, backends), cancellationToken));
    }

    private TrafficSelector Checked(TrafficSelector traffic) => traffic with
    {
        From = traffic.From is { } from ? lab.Port(from) : null,
        To = traffic.To is { } to ? lab.Port(to) : null,
    };

    /// <summary>An address inside one of the lab's subnets: rules never point traffic outside the lab.</summary>
    private IPAddress InLab(IPAddress address)
    {
        var topology = lab.Lease.Topology;
        var subnets = topology.Links.SelectMany(l => Subnets(l.Ipv4, l.Ipv6).Concat(l.Vlans.SelectMany(v => Subnets(v.Ipv4, v.Ipv6)))).ToList();
        return subnets.Any(s => s.Contains(address))
            ? address
            : throw new StepValueException($"{address} is outside the lab's subnets ({string.Join(", ", subnets)}); rules may only send traffic to addresses in the lab.");
    }

    private static IEnumerable<IPNetwork> Subnets(Alpy.Lab.Topology.SubnetPlan? ipv4, Alpy.Lab.Topology.SubnetPlan? ipv6) =>
        new[] { ipv4, ipv6 }.OfType<Alpy.Lab.Topology.SubnetPlan>().Select(p => p.Subnet);

    private static TrafficProtocol WithPorts(TrafficProtocol protocol) =>
        protocol == TrafficProtocol.Icmp ? throw new StepValueException("ICMP has no ports; write TCP or UDP.") : protocol;
}
