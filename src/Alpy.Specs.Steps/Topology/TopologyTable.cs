using System.Net.Sockets;
using Alpy.Lab.Topology;
using Alpy.Specs.Steps.Values;
using Reqnroll;

namespace Alpy.Specs.Steps.Topology;

/// <summary>
/// Reads a feature's table of links into the lab's topology:
/// <code>
/// | link | vlan | network         | DUT address  | hosts                   |
/// | 0    |      | 192.168.0.0/24  | 192.168.0.1  | 192.168.0.2             |
/// | 1    |      | 192.168.1.0/24  | 192.168.1.1  | 192.168.1.2 192.168.1.3 |
/// | 1    | 10   | 192.168.10.0/24 | 192.168.10.1 | 192.168.10.2            |
/// </code>
/// Every link has a row without a VLAN (its untagged subnet) and may have VLAN rows. A row's network is IPv4 or IPv6, so a
/// link or VLAN is IPv4-only, IPv6-only (<c>| 0 | | 2001:db8:0::/64 | 2001:db8:0::1 | 2001:db8:0::2 |</c>) or dual-stack:
/// one row of each family with the same link and vlan cells. Errors name the row, the column and the value.
/// </summary>
public static class TopologyTable
{
    /// <summary>The columns, as the reader writes them; <c>vlan</c> is optional.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["link", "vlan", "network", "DUT address", "hosts"];

    /// <exception cref="StepValueException">A column is missing or unknown, a value is malformed, or the plan is inconsistent.</exception>
    public static LabTopology Parse(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = ColumnIndexes([.. table.Header]);
        if (table.RowCount == 0)
            throw new StepValueException("The links table has no rows; give one row per link, e.g. | 0 | 192.168.0.0/24 | 192.168.0.1 | 192.168.0.2 |.");
        if (table.RowCount > LabTopology.MaxLinks * (1 + LabTopology.MaxVlansPerLink))
            throw new StepValueException($"The links table has {table.RowCount} rows; a lab has at most {LabTopology.MaxLinks} links with {LabTopology.MaxVlansPerLink} VLANs each.");

        // Per link, per VLAN (0: the link itself), one plan per family.
        var rows = new SortedDictionary<int, SortedDictionary<int, (SubnetPlan? V4, SubnetPlan? V6)>>();
        var row = 0;
        foreach (var cells in table.Rows)
        {
            row++;
            string Cell(string column) => columns.TryGetValue(column, out var index) ? cells[index].Trim() : "";
            var link = InRow(row, "link", () => LinkNumber.Parse(Cell("link")));
            var vlanText = Cell("vlan");
            var vlan = vlanText.Length == 0 ? 0 : InRow(row, "vlan", () => LinkNumber.ParseVlan(vlanText));
            var plan = InRow(row, "network, DUT address or hosts", () => Plan(Cell("network"), Cell("DUT address"), Cell("hosts")));
            var ofLink = rows.TryGetValue(link, out var existing) ? existing : rows[link] = [];
            var entry = ofLink.TryGetValue(vlan, out var found) ? found : default;
            var v6 = plan.Subnet.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;
            if ((v6 ? entry.V6 : entry.V4) is not null)
                throw new StepValueException($"Row {row} of the links table: {(vlan == 0 ? $"link {link}" : $"VLAN {vlan} on link {link}")} has an {(v6 ? "IPv6" : "IPv4")} row already; "
                    + "give each link (and each VLAN) one row per address family: one IPv4 network, one IPv6 network.");
            ofLink[vlan] = v6 ? entry with { V6 = plan } : entry with { V4 = plan };
        }

        var expected = 0;
        foreach (var (link, ofLink) in rows)
        {
            if (link != expected)
                throw new StepValueException($"The links table has no link {expected}; number the links 0, 1, 2, ... without gaps (the DUT's interfaces in order).");
            if (!ofLink.ContainsKey(0))
                throw new StepValueException($"The links table has VLAN rows for link {link} but no row for the link itself; add one with an empty vlan cell and the link's untagged subnet.");
            expected++;
        }

        var topology = new LabTopology
        {
            Links = [.. rows.Values.Select(l => new LinkSpec
            {
                Ipv4 = l[0].V4,
                Ipv6 = l[0].V6,
                Vlans = [.. l.Where(v => v.Key != 0).Select(v => new VlanSpec { Id = v.Key, Ipv4 = v.Value.V4, Ipv6 = v.Value.V6 })],
            })],
        };
        try
        {
            return topology.Validate();
        }
        catch (InvalidTopologyException e)
        {
            throw new StepValueException($"The links table describes no valid lab: {e.Message}", e);
        }
    }

    private static SubnetPlan Plan(string network, string dutAddress, string hosts)
    {
        var slash = network.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            throw StepValueException.Invalid(network, "a network", "write it as ADDRESS/PREFIX, e.g. 192.168.1.0/24 or 2001:db8:1::/64.");
        var family = IpAddressText.Family(IpAddressText.Parse(network[..slash]));
        var bits = family == "IPv6" ? 128 : 32;
        if (NodeRef.Number(network[(slash + 1)..], 0, bits) is null)
            throw StepValueException.Invalid(network, $"an {family} network", $"its prefix length after '/' must be 0 to {bits}, e.g. {(bits == 32 ? "192.168.1.0/24" : "2001:db8:1::/64")}.");
        SameFamily(IpAddressText.Parse(dutAddress), "DUT address", network, family);
        var hostList = hosts.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (hostList.Length == 0)
            throw StepValueException.Invalid(hosts, "a list of hosts", "give at least one address, several separated by spaces, e.g. 192.168.1.2 192.168.1.3.");
        foreach (var host in hostList)
            SameFamily(IpAddressText.Parse(host), "host", network, family);
        try
        {
            return SubnetPlan.Parse(network, dutAddress.Trim('[', ']'), [.. hostList.Select(h => h.Trim('[', ']'))]);
        }
        catch (InvalidTopologyException e)
        {
            throw new StepValueException(e.Message.Replace("Invalid lab topology: ", "", StringComparison.Ordinal), e);
        }
    }

    private static void SameFamily(System.Net.IPAddress address, string what, string network, string family)
    {
        if (IpAddressText.Family(address) != family)
            throw new StepValueException($"The {what} {address} is {IpAddressText.Family(address)} but the network {network} is {family}; "
                + "write each family on a row of its own (one row with the IPv4 network, one with the IPv6 network).");
    }

    private static Dictionary<string, int> ColumnIndexes(IReadOnlyList<string> header)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var known = Columns.FirstOrDefault(c => string.Equals(c, header[i].Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new StepValueException($"The links table has an unknown column \"{StepValueException.Shown(header[i])}\"; its columns are {string.Join(", ", Columns.Select(c => $"\"{c}\""))} (vlan is optional).");
            if (!indexes.TryAdd(known, i))
                throw new StepValueException($"The links table has the column \"{known}\" twice.");
        }

        var missing = Columns.Where(c => c != "vlan" && !indexes.ContainsKey(c)).ToList();
        return missing.Count == 0
            ? indexes
            : throw new StepValueException($"The links table lacks the column(s) {string.Join(", ", missing.Select(c => $"\"{c}\""))}; its columns are {string.Join(", ", Columns.Select(c => $"\"{c}\""))} (vlan is optional).");
    }

    private static T InRow<T>(int row, string column, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (StepValueException e)
        {
            throw new StepValueException($"Row {row} of the links table, {column}: {e.Message}", e);
        }
    }
}
