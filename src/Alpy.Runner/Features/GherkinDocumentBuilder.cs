using Gherkin;
using Alpy.Runner.Messages;
using Ast = Gherkin.Ast;

namespace Alpy.Runner.Features;

/// <summary>Turns a Gherkin 5 syntax tree into the Cucumber Messages <see cref="GherkinDocument"/>, giving every node an id.</summary>
internal sealed class GherkinDocumentBuilder(string uri, string source, IIdGenerator ids)
{
    private readonly string[] lines = source.Split('\n');
    private GherkinDialect dialect = CachedDialectProvider.For("en").DefaultDialect;

    public GherkinDocument Build(Ast.GherkinDocument document)
    {
        var comments = document.Comments.Select(c => new Comment(Location(c.Location), c.Text)).ToArray();
        if (document.Feature is null)
        {
            return new GherkinDocument(uri, null, comments);
        }

        var feature = document.Feature;
        dialect = CachedDialectProvider.For("en").GetDialect(feature.Language, feature.Location);
        var children = feature.Children.Select(Child).ToArray();
        return new GherkinDocument(
            uri,
            new Feature(Location(feature.Location), Tags(feature.Tags), feature.Language, feature.Keyword, feature.Name ?? string.Empty, feature.Description ?? string.Empty, children),
            comments);
    }

    private FeatureChild Child(Ast.ScenarioDefinition definition) => definition switch
    {
        Ast.Background background => new FeatureChild
        {
            Background = new Background(ids.NewId(), Location(background.Location), background.Keyword, background.Name ?? string.Empty, background.Description ?? string.Empty, Steps(background.Steps)),
        },
        Ast.ScenarioOutline outline => new FeatureChild { Scenario = Scenario(outline, outline.Tags, outline.Examples) },
        Ast.Scenario scenario => new FeatureChild { Scenario = Scenario(scenario, scenario.Tags, []) },
        _ => throw new InvalidOperationException("Unknown scenario definition " + definition.GetType()),
    };

    private Scenario Scenario(Ast.ScenarioDefinition definition, IEnumerable<Ast.Tag> tags, IEnumerable<Ast.Examples> examples)
    {
        // Ids in the order Cucumber's own builder gives them: children before their parent.
        var steps = Steps(definition.Steps);
        var builtExamples = examples.Select(Examples).ToArray();
        var builtTags = Tags(tags);
        return new Scenario(ids.NewId(), builtTags, Location(definition.Location), definition.Keyword, definition.Name ?? string.Empty, definition.Description ?? string.Empty, steps, builtExamples);
    }

    private Examples Examples(Ast.Examples examples)
    {
        var header = examples.TableHeader is null ? null : Row(examples.TableHeader);
        var body = (examples.TableBody ?? []).Select(Row).ToArray();
        var tags = Tags(examples.Tags);
        return new Examples(ids.NewId(), tags, Location(examples.Location), examples.Keyword, examples.Name ?? string.Empty, examples.Description ?? string.Empty, header, body);
    }

    private Step[] Steps(IEnumerable<Ast.Step> steps) => steps.Select(Step).ToArray();

    private Step Step(Ast.Step step)
    {
        var built = new Step(ids.NewId(), Location(step.Location), step.Keyword, GherkinLanguage.KeywordType(dialect, step.Keyword), step.Text);
        return step.Argument switch
        {
            Ast.DocString doc => built with
            {
                DocString = new DocString(Location(doc.Location), doc.Content ?? string.Empty, Delimiter(doc.Location))
                {
                    MediaType = string.IsNullOrEmpty(doc.ContentType) ? null : doc.ContentType,
                },
            },
            Ast.DataTable table => built with { DataTable = new Messages.DataTable(Location(table.Location), table.Rows.Select(Row).ToArray()) },
            _ => built,
        };
    }

    private TableRow Row(Ast.TableRow row) =>
        new(ids.NewId(), Location(row.Location), row.Cells.Select(c => new TableCell(Location(c.Location), c.Value ?? string.Empty)).ToArray());

    private Tag[] Tags(IEnumerable<Ast.Tag> tags) => tags.Select(t => new Tag(Location(t.Location), t.Name, ids.NewId())).ToArray();

    /// <summary>Gherkin 5 does not keep the doc string's delimiter; the source line does.</summary>
    private string Delimiter(Ast.Location location)
    {
        var index = location.Line - 1;
        var line = index >= 0 && index < lines.Length ? lines[index].TrimStart() : string.Empty;
        return line.StartsWith("```", StringComparison.Ordinal) ? "```" : "\"\"\"";
    }

    private static Location Location(Ast.Location location) => new(location.Line, location.Column);
}
