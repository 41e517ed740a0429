using System.Collections;

namespace Alpy.Runner;

/// <summary>
/// A step's data table: the first row is the header, the rest are data rows addressed by header
/// name. Reqnroll calls it <c>DataTable</c> (formerly <c>Table</c>); the helpers in
/// <see cref="DataTableExtensions"/> turn it into objects and compare objects with it.
/// </summary>
public sealed class DataTable : IEnumerable<DataTableRow>
{
    private readonly string[][] cells;

    /// <summary>A table from rows of cells; the first row is the header.</summary>
    public DataTable(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("A data table needs at least a header row.", nameof(rows));
        }

        cells = rows.Select(r => r.ToArray()).ToArray();
        Header = cells[0];
        Rows = cells.Skip(1).Select((r, i) => new DataTableRow(this, r, i)).ToArray();
    }

    /// <summary>A table with this header and no rows yet.</summary>
    public DataTable(params string[] header)
        : this([header])
    {
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<DataTableRow> Rows { get; private set; }

    public int RowCount => Rows.Count;

    /// <summary>Every row including the header, as written.</summary>
    public IReadOnlyList<IReadOnlyList<string>> AllRows => cells;

    public bool ContainsColumn(string column) => IndexOf(column) >= 0;

    /// <summary>Adds a data row (builds expected tables in code).</summary>
    public void AddRow(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Header.Count)
        {
            throw new ArgumentException($"The row has {values.Length} cells but the table has {Header.Count} columns ({string.Join(", ", Header)}).", nameof(values));
        }

        Rows = Rows.Append(new DataTableRow(this, values, Rows.Count)).ToArray();
    }

    public IEnumerator<DataTableRow> GetEnumerator() => Rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The table as Gherkin writes it, columns aligned.</summary>
    public override string ToString() => TableFormatter.Format(Header, Rows.Select(r => (IReadOnlyList<string>)r.Values).ToArray());

    internal int IndexOf(string column)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One data row of a <see cref="DataTable"/>; cells are read by header name.</summary>
public sealed class DataTableRow
{
    private readonly DataTable table;

    internal DataTableRow(DataTable table, string[] values, int index)
    {
        this.table = table;
        Values = values;
        Index = index;
    }

    public IReadOnlyList<string> Values { get; }

    /// <summary>The row's position among the data rows, from 0.</summary>
    public int Index { get; }

    public string this[int column] => Values[column];

    public string this[string column]
    {
        get
        {
            var index = table.IndexOf(column);
            return index >= 0
                ? Values[index]
                : throw new KeyNotFoundException($"The table has no column \"{column}\"; its columns are: {string.Join(", ", table.Header)}.");
        }
    }

    public bool TryGetValue(string column, out string value)
    {
        var index = table.IndexOf(column);
        value = index >= 0 ? Values[index] : string.Empty;
        return index >= 0;
    }
}
