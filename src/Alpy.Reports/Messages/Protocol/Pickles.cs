namespace Alpy.Reports.Messages.Protocol;

internal sealed record Pickle
{
    public required string Id { get; init; }
    public required string Uri { get; init; }
    public Location? Location { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<PickleStep> Steps { get; init; } = [];
    public IReadOnlyList<PickleTag> Tags { get; init; } = [];
    public IReadOnlyList<string> AstNodeIds { get; init; } = [];
}

internal sealed record PickleStep
{
    public required string Id { get; init; }
    public string Text { get; init; } = "";
    public IReadOnlyList<string> AstNodeIds { get; init; } = [];
}

internal sealed record PickleTag
{
    public required string Name { get; init; }
}
