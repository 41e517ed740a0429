using Alpy.Runner.Expressions;

namespace Alpy.Runner.Configuration;

/// <summary>
/// The runner's settings: reqnroll.json's keys (where they apply) with environment overrides.
/// Immutable; <see cref="RunnerConfigurationLoader"/> reads and validates it once per run.
/// </summary>
public sealed record RunnerConfiguration
{
    /// <summary>The defaults, as with an empty reqnroll.json.</summary>
    public static RunnerConfiguration Default { get; } = new();

    /// <summary><c>language.feature</c>: the Gherkin dialect of files without a <c># language:</c> line.</summary>
    public string FeatureLanguage { get; init; } = "en-US";

    /// <summary><c>language.binding</c>: the culture step arguments are converted with; invariant when unset.</summary>
    public string? BindingCulture { get; init; }

    /// <summary><c>runtime.missingOrPendingStepsOutcome</c>: what a pending step makes of the xUnit result.</summary>
    public MissingOrPendingStepsOutcome MissingOrPendingStepsOutcome { get; init; } = MissingOrPendingStepsOutcome.Pending;

    /// <summary><c>runtime.stopAtFirstError</c>: after the first problem, report later steps as skipped without binding them.</summary>
    public bool StopAtFirstError { get; init; }

    /// <summary><c>trace.stepDefinitionSkeletonStyle</c>.</summary>
    public SkeletonStyle SkeletonStyle { get; init; } = SkeletonStyle.CucumberExpressionAttribute;

    /// <summary><c>bindingAssemblies[].assembly</c>: assemblies besides the test assembly that hold bindings.</summary>
    public IReadOnlyList<string> BindingAssemblies { get; init; } = [];

    /// <summary>The <c>formatters</c> section: formatter name to its settings (<c>outputFilePath</c> and any other).</summary>
    public IReadOnlyDictionary<string, FormatterSettings> Formatters { get; init; } = new Dictionary<string, FormatterSettings>();

    /// <summary><c>REQNROLL_DRY_RUN=true</c>: bind every step, run no step or hook code.</summary>
    public bool DryRun { get; init; }

    /// <summary><c>REQNROLL_FORMATTERS_DISABLED=true</c>: write no report at all.</summary>
    public bool FormattersDisabled { get; init; }

    /// <summary>
    /// <c>alpy.stopRunOnBindingErrors</c> (beyond Reqnroll): before any [BeforeTestRun] hook, bind
    /// every selected scenario; when a step is undefined or ambiguous or a binding is invalid, run
    /// no hook and fail every scenario with the list. Keeps a typo from costing an expensive setup.
    /// </summary>
    public bool StopRunOnBindingErrors { get; init; }

    /// <summary>
    /// <c>alpy.retry</c> (beyond Reqnroll, as Cucumber's <c>--retry</c>): how often a failed scenario
    /// is run again; undefined, ambiguous and pending scenarios are never retried. 0 by default.
    /// </summary>
    public int Retry { get; init; }

    /// <summary>Problems that did not stop the configuration from loading (unknown keys), for the run's output.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The settings of an enabled formatter, or null.</summary>
    public FormatterSettings? Formatter(string name) =>
        FormattersDisabled ? null : Formatters.TryGetValue(name, out var settings) ? settings : null;
}

/// <summary>What a pending step makes of the xUnit result. Undefined steps always fail (see docs/runner.md).</summary>
public enum MissingOrPendingStepsOutcome
{
    /// <summary>Skipped, with the pending step in the reason (Reqnroll's default).</summary>
    Pending,

    /// <summary>Skipped, as xUnit has no inconclusive result.</summary>
    Inconclusive,

    /// <summary>Skipped.</summary>
    Ignore,

    /// <summary>Failed.</summary>
    Error,
}

/// <summary>One formatter's settings from reqnroll.json.</summary>
public sealed record FormatterSettings(string? OutputFilePath, IReadOnlyDictionary<string, string> Values);
