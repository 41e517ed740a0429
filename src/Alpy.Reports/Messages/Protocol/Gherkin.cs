namespace Alpy.Reports.Messages.Protocol;

internal sealed record GherkinDocument
{
    public string? Uri { get; init; }
    public Feature? Feature { get; init; }
}

internal sealed record Feature
{
    public required Location Location { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
    public string Keyword { get; init; } = "Feature";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public IReadOnlyList<FeatureChild> Children { get; init; } = [];
}

internal sealed record FeatureChild
{
    public Rule? Rule { get; init; }
    public Background? Background { get; init; }
    public Scenario? Scenario { get; init; }
}

internal sealed record Rule
{
    public required string Id { get; init; }
    public IReadOnlyList<FeatureChild> Children { get; init; } = [];
}

internal sealed record Background
{
    public required string Id { get; init; }
    public IReadOnlyList<Step> Steps { get; init; } = [];
}

internal sealed record Scenario
{
    public required string Id { get; init; }
    public required Location Location { get; init; }
    public string Keyword { get; init; } = "Scenario";
    public string Name { get; init; } = "";
    public IReadOnlyList<Step> Steps { get; init; } = [];
    public IReadOnlyList<Examples> Examples { get; init; } = [];
}

internal sealed record Examples
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public TableRow? TableHeader { get; init; }
    public IReadOnlyList<TableRow> TableBody { get; init; } = [];
}

internal sealed record TableRow
{
    public required string Id { get; init; }
    public required Location Location { get; init; }
    public IReadOnlyList<TableCell> Cells { get; init; } = [];
}

internal sealed record TableCell
{
    public string Value { get; init; } = "";
}

internal sealed record Step
{
    public required string Id { get; init; }
    public required Location Location { get; init; }
    public string Keyword { get; init; } = "";
    public string Text { get; init; } = "";
}

internal sealed record Tag
{
    public required string Name { get; init; }
}
