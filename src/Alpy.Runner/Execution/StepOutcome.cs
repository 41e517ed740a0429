using Alpy.Runner.Bindings;
using Alpy.Runner.Features;

namespace Alpy.Runner.Execution;

/// <summary>What happened to one step or hook of a scenario.</summary>
internal sealed record StepOutcome(string Status, ScenarioStep? Step, HookBinding? Hook, BoundStep? Binding, Exception? Error, TimeSpan Duration)
{
    /// <summary>How people recognise it: <c>Given x (features/a.feature:12)</c> or <c>[BeforeScenario] Ns.Hooks.Start()</c>.</summary>
    public string Describe(ScenarioCase scenario) =>
        Step is not null ? $"{Step.Keyword}{Step.Text} ({scenario.Feature.Uri}:{Step.Line})" : Hook!.Description;
}

/// <summary>The result of one scenario: its status and the outcome of each step and hook.</summary>
internal sealed record ScenarioResult(ScenarioCase Scenario, string Status, IReadOnlyList<StepOutcome> Outcomes, bool DryRun);
