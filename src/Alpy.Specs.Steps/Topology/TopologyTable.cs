using System.Collections.Immutable;
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
/// Every link has one row without a VLAN (its untagged subnet) and may have VLAN rows. Errors name the row,
/// the column and the value.
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

        var links = new SortedDictionary<int, (SubnetPlan? Plan, List<VlanSpec> Vlans)>();
        var row = 0;
        foreach (var cells in table.Rows)
        {
            row++;
            string Cell(string column) => columns.TryGetValue(column, out var index) ? cells[index].Trim() : "";
            var link = InRow(row, "link", () => LinkNumber.Parse(Cell("link")));
            var vlanText = Cell("vlan");
            int? vlan = vlanText.Length == 0 ? null : InRow(row, "vlan", () => LinkNumber.ParseVlan(vlanText));
            var plan = InRow(row, "network, DUT address or hosts", () => Plan(Cell("network"), Cell("DUT address"), Cell("hosts")));
            var entry = links.TryGetValue(link, out var existing) ? existing : (null, []);
            if (vlan is null)
            {
                if (entry.Plan is not null)
                    throw new StepValueException($"Row {row} of the links table: link {link} has a row without a VLAN already; give each link one untagged row (its own subnet) and one row per VLAN.");
                entry.Plan = plan;
            }
            else
            {
                entry.Vlans.Add(new VlanSpec { Id = vlan.Value, Ipv4 = plan });
            }

            links[link] = entry;
        }

        var expected = 0;
        foreach (var (link, entry) in links)
        {
            if (link != expected)
                throw new StepValueException($"The links table has no link {expected}; number the links 0, 1, 2, ... without gaps (the DUT's interfaces in order).");
            if (entry.Plan is null)
                throw new StepValueException($"The links table has VLAN rows for link {link} but no row for the link itself; add one with an empty vlan cell and the link's untagged subnet.");
            expected++;
        }

        var topology = new LabTopology
        {
            Links = [.. links.Values.Select(e => new LinkSpec { Ipv4 = e.Plan!, Vlans = [.. e.Vlans] })],
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
        if (!network.Contains('/', StringComparison.Ordinal))
            throw StepValueException.Invalid(network, "a network", "write it as ADDRESS/PREFIX, e.g. 192.168.1.0/24.");
        var prefixText = network[(network.IndexOf('/', StringComparison.Ordinal) + 1)..];
        Ipv4.Parse(network[..network.IndexOf('/', StringComparison.Ordinal)]);
        if (NodeRef.Number(prefixText, 0, 32) is null)
            throw StepValueException.Invalid(network, "an IPv4 network", "its prefix length after '/' must be 0 to 32, e.g. 192.168.1.0/24.");
        Ipv4.Parse(dutAddress);
        var hostList = hosts.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (hostList.Length == 0)
            throw StepValueException.Invalid(hosts, "a list of hosts", "give at least one address, several separated by spaces, e.g. 192.168.1.2 192.168.1.3.");
        foreach (var host in hostList)
            Ipv4.Parse(host);
        try
        {
            return SubnetPlan.Parse(network, dutAddress, hostList);
        }
        catch (InvalidTopologyException e)
        {
            throw new StepValueException(e.Message.Replace("Invalid lab topology: ", "", StringComparison.Ordinal), e);
        }
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
