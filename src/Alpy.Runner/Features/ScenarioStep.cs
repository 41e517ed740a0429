using Alpy.Runner.Messages;

namespace Alpy.Runner.Features;

/// <summary>One step of a <see cref="ScenarioCase"/>, with its keyword, line and argument.</summary>
public sealed class ScenarioStep
{
    internal ScenarioStep(PickleStep pickle, string keyword, StepKinds kind, int line)
    {
        Pickle = pickle;
        Keyword = keyword;
        Kind = kind;
        Line = line;
        var argument = pickle.Argument;
        Table = argument?.DataTable is { } table ? new DataTable(table.Rows.Select(r => r.Cells.Select(c => c.Value).ToArray()).ToArray()) : null;
        DocString = argument?.DocString?.Content;
        DocStringMediaType = argument?.DocString?.MediaType;
    }

    public PickleStep Pickle { get; }

    /// <summary>The keyword as written, with its trailing space (<c>"And "</c>).</summary>
    public string Keyword { get; }

    /// <summary>The kind that matches step definitions: And/But take the kind before them; <c>*</c> matches any.</summary>
    public StepKinds Kind { get; }

    public string Text => Pickle.Text;

    public int Line { get; }

    public DataTable? Table { get; }

    public string? DocString { get; }

    public string? DocStringMediaType { get; }

    public bool HasArgument => Table is not null || DocString is not null;

    /// <summary>The step as written: keyword and text.</summary>
    public override string ToString() => Keyword + Text;
}
