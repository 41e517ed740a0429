using Alpy.Runner.Messages;

namespace Alpy.Runner.Features;

/// <summary>
/// One runnable scenario: a plain scenario, or one examples row of an outline. It is what an
/// xUnit test case runs and what a Cucumber <see cref="Pickle"/> describes.
/// </summary>
public sealed class ScenarioCase
{
    // What contexts show of the scenario and its steps: immutable, so made once and shared by every run of it.
    private ScenarioInfo? info;
    private StepInfo?[]? stepInfos;

    internal ScenarioCase(FeatureFile feature, Pickle pickle, Messages.Scenario definition, IReadOnlyList<ScenarioStep> steps, IReadOnlyList<KeyValuePair<string, string>> exampleValues, IReadOnlyList<string> exampleTags)
    {
        Feature = feature;
        Pickle = pickle;
        Definition = definition;
        Steps = steps;
        ExampleValues = exampleValues;
        Tags = pickle.Tags.Select(t => t.Name).ToArray();
        ExampleTags = exampleTags;
    }

    public FeatureFile Feature { get; }

    public Pickle Pickle { get; }

    /// <summary>The scenario (or scenario outline) in the syntax tree.</summary>
    public Messages.Scenario Definition { get; }

    /// <summary>The line the scenario starts on; for an outline's row, the row's line.</summary>
    public int Line => Pickle.Location.Line;

    /// <summary>The title, with an outline's placeholders filled in.</summary>
    public string Title => Pickle.Name;

    /// <summary>All tags that apply (feature, scenario and examples), with their @.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The tags of the examples block this row belongs to.</summary>
    public IReadOnlyList<string> ExampleTags { get; }

    /// <summary>An outline row's values by column, in column order; empty for a plain scenario.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExampleValues { get; }

    public bool IsOutlineRow => Pickle.AstNodeIds.Count > 1;

    public IReadOnlyList<ScenarioStep> Steps { get; }

    /// <summary><c>uri:line</c>, for messages people read.</summary>
    public string Position => $"{Feature.Uri}:{Line}";

    /// <summary>The title as a test explorer shows it: an outline row adds its values.</summary>
    public string DisplayName => ExampleValues.Count == 0
        ? Title
        : $"{Title} ({string.Join(", ", ExampleValues.Select(v => v.Key + ": " + v.Value))})";

    /// <summary>The scenario as <see cref="ScenarioContext.ScenarioInfo"/> shows it.</summary>
    internal ScenarioInfo Info => info ??= new ScenarioInfo(this);

    /// <summary>Step <paramref name="index"/> as <see cref="ScenarioContext.StepContext"/> shows it.</summary>
    internal StepInfo StepInfoAt(int index)
    {
        var infos = stepInfos ??= new StepInfo?[Steps.Count];
        return infos[index] ??= new StepInfo(Steps[index], Feature.Uri);
    }
}
