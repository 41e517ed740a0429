namespace Alpy.Runner.Messages;

/// <summary>The syntax tree of one feature file.</summary>
public sealed record GherkinDocument(string Uri, Feature? Feature, IReadOnlyList<Comment> Comments);

public sealed record Comment(Location Location, string Text);

public sealed record Feature(
    Location Location,
    IReadOnlyList<Tag> Tags,
    string Language,
    string Keyword,
    string Name,
    string Description,
    IReadOnlyList<FeatureChild> Children);

/// <summary>A child of a feature: a background or a scenario (Gherkin 5 has no rules).</summary>
public sealed record FeatureChild
{
    public Background? Background { get; init; }

    public Scenario? Scenario { get; init; }
}

public sealed record Background(string Id, Location Location, string Keyword, string Name, string Description, IReadOnlyList<Step> Steps);

public sealed record Scenario(
    string Id,
    IReadOnlyList<Tag> Tags,
    Location Location,
    string Keyword,
    string Name,
    string Description,
    IReadOnlyList<Step> Steps,
    IReadOnlyList<Examples> Examples);

public sealed record Examples(
    string Id,
    IReadOnlyList<Tag> Tags,
    Location Location,
    string Keyword,
    string Name,
    string Description,
    TableRow? TableHeader,
    IReadOnlyList<TableRow> TableBody);

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "The Cucumber Messages schema's name.")]
public sealed record Step(string Id, Location Location, string Keyword, string KeywordType, string Text)
{
    public DocString? DocString { get; init; }

    public DataTable? DataTable { get; init; }
}

public sealed record DocString(Location Location, string Content, string Delimiter)
{
    public string? MediaType { get; init; }
}

public sealed record DataTable(Location Location, IReadOnlyList<TableRow> Rows);

public sealed record TableRow(string Id, Location Location, IReadOnlyList<TableCell> Cells);

public sealed record TableCell(Location Location, string Value);

public sealed record Tag(Location Location, string Name, string Id);
