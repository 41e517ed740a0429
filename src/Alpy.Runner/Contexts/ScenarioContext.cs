using Alpy.Runner.Features;

namespace Alpy.Runner;

/// <summary>The running scenario: what it is, how it goes, the current step, and values shared between bindings.</summary>
public sealed class ScenarioContext : RunnerContext
{
    internal ScenarioContext(ScenarioCase scenario, CancellationToken cancellationToken)
    {
        ScenarioInfo = scenario.Info;
        CancellationToken = cancellationToken;
    }

    public ScenarioInfo ScenarioInfo { get; }

    /// <summary>How the scenario goes so far; read it in [AfterScenario] hooks.</summary>
    public ScenarioExecutionStatus ScenarioExecutionStatus { get; internal set; } = ScenarioExecutionStatus.OK;

    /// <summary>The exception of the failed step or hook, if any.</summary>
    public Exception? TestError { get; internal set; }

    /// <summary>The step that runs now (or ran last).</summary>
    public StepInfo? StepContext { get; internal set; }

    /// <summary>Cancelled when the test run is being stopped; long waits in steps should honour it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Marks the current step as not implemented yet.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Reqnroll's API: called on the injected context.")]
    public void Pending() => throw new PendingStepException();

    /// <summary>Skips the rest of the scenario (after-hooks still run).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Called on the injected context, like Pending().")]
    public void Skip(string? reason = null) => throw new SkipScenarioException(reason);
}

/// <summary>How a scenario goes; the worst thing that happened so far.</summary>
public enum ScenarioExecutionStatus
{
    OK,
    Skipped,
    StepDefinitionPending,
    UndefinedStep,
    BindingError,
    TestError,
}

/// <summary>A scenario's title, tags, position and (for an outline row) values.</summary>
public sealed class ScenarioInfo
{
    internal ScenarioInfo(ScenarioCase scenario)
    {
        Title = scenario.Title;
        Description = scenario.Definition.Description;
        CombinedTags = scenario.Tags.Select(t => t.TrimStart('@')).ToArray();
        var featureTags = scenario.Feature.Tags.Select(t => t.TrimStart('@')).ToHashSet(StringComparer.Ordinal);
        Tags = CombinedTags.Where(t => !featureTags.Contains(t)).ToArray();
        Arguments = scenario.ExampleValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        FilePath = scenario.Feature.Uri;
        Line = scenario.Line;
    }

    public string Title { get; }

    public string Description { get; }

    /// <summary>The scenario's own tags (and its examples'), without @.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>All tags that apply, the feature's included, without @.</summary>
    public IReadOnlyList<string> CombinedTags { get; }

    /// <summary>An outline row's values by column name.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; }

    public string FilePath { get; }

    public int Line { get; }

    /// <summary><c>features/x.feature:12</c>.</summary>
    public string Location => $"{FilePath}:{Line}";
}

/// <summary>A step as it runs: keyword, text, argument and position for error messages.</summary>
public sealed class StepInfo
{
    internal StepInfo(ScenarioStep step, string filePath)
    {
        Keyword = step.Keyword.Trim();
        StepDefinitionType = step.Kind;
        Text = step.Text;
        Table = step.Table;
        MultilineText = step.DocString;
        Line = step.Line;
        FilePath = filePath;
    }

    /// <summary>The keyword as written, e.g. <c>And</c>.</summary>
    public string Keyword { get; }

    /// <summary>Given, When or Then (And/But resolved).</summary>
    public StepKinds StepDefinitionType { get; }

    public string Text { get; }

    public DataTable? Table { get; }

    /// <summary>The doc string, if any.</summary>
    public string? MultilineText { get; }

    public string FilePath { get; }

    public int Line { get; }

    /// <summary><c>features/x.feature:12</c>.</summary>
    public string Location => $"{FilePath}:{Line}";

    public override string ToString() => $"{Keyword} {Text} ({Location})";
}
