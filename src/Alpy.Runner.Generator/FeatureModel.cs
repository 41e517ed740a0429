using System.Collections.Generic;
using System.Linq;

namespace Alpy.Runner.Generator;

/// <summary>What the generator needs of one feature file. Equality is by value, so unchanged files are not regenerated.</summary>
internal sealed class FeatureModel : System.IEquatable<FeatureModel>
{
    public FeatureModel(string uri, string path, string source, string name, string language, IReadOnlyList<ScenarioModel> scenarios, ParseErrorModel? error)
    {
        Uri = uri;
        Path = path;
        Source = source;
        Name = name;
        Language = language;
        Scenarios = scenarios;
        Error = error;
    }

    public string Uri { get; }

    public string Path { get; }

    public string Source { get; }

    public string Name { get; }

    public string Language { get; }

    public IReadOnlyList<ScenarioModel> Scenarios { get; }

    public ParseErrorModel? Error { get; }

    public bool Equals(FeatureModel? other) =>
        other is not null && Uri == other.Uri && Path == other.Path && Source == other.Source && Language == other.Language;

    public override bool Equals(object? obj) => Equals(obj as FeatureModel);

    public override int GetHashCode() => (Uri.GetHashCode() * 397) ^ Source.GetHashCode();
}

/// <summary>A scenario (or outline) and its steps, for code and for build-time step checks.</summary>
internal sealed class ScenarioModel
{
    public ScenarioModel(int line, string name, IReadOnlyList<string> tags, IReadOnlyList<StepModel> steps)
    {
        Line = line;
        Name = name;
        Tags = tags;
        Steps = steps;
    }

    public int Line { get; }

    public string Name { get; }

    public IReadOnlyList<string> Tags { get; }

    /// <summary>The steps to check: background steps first; an outline's once per examples row.</summary>
    public IReadOnlyList<StepModel> Steps { get; }
}

/// <summary>A step with its resolved kind (Given, When, Then or Any) and position.</summary>
internal sealed class StepModel
{
    public StepModel(string keyword, string kind, string text, int line, int column, string? argument)
    {
        Keyword = keyword;
        Kind = kind;
        Text = text;
        Line = line;
        Column = column;
        Argument = argument;
    }

    public string Keyword { get; }

    public string Kind { get; }

    public string Text { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>"DataTable dataTable", "string docString" or null.</summary>
    public string? Argument { get; }
}

internal sealed class ParseErrorModel
{
    public ParseErrorModel(int line, int column, string message)
    {
        Line = line;
        Column = column;
        Message = message;
    }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }
}
