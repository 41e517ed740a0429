namespace Alpy.Runner.Messages;

/// <summary>A compiled scenario (one per scenario, one per examples row of an outline).</summary>
public sealed record Pickle(
    string Id,
    string Uri,
    Location Location,
    string Name,
    string Language,
    IReadOnlyList<PickleStep> Steps,
    IReadOnlyList<PickleTag> Tags,
    IReadOnlyList<string> AstNodeIds);

public sealed record PickleStep(string Id, string Text, string Type, IReadOnlyList<string> AstNodeIds)
{
    public PickleStepArgument? Argument { get; init; }
}

public sealed record PickleStepArgument
{
    public PickleDocString? DocString { get; init; }

    public PickleTable? DataTable { get; init; }
}

public sealed record PickleDocString(string Content)
{
    public string? MediaType { get; init; }
}

public sealed record PickleTable(IReadOnlyList<PickleTableRow> Rows);

public sealed record PickleTableRow(IReadOnlyList<PickleTableCell> Cells);

public sealed record PickleTableCell(string Value);

public sealed record PickleTag(string Name, string AstNodeId);
