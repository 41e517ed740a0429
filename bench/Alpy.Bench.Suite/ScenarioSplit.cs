using System.Text.RegularExpressions;
using Alpy.Reports.Model;

namespace Alpy.Bench.Suite;

/// <summary>
/// Where one scenario's wall time went: its own steps (DUT configuration, traffic, verdicts) versus overhead:
/// the lab lease (the topology step: take a lab from the pool, reset it, start the capture window; in fresh mode
/// the boot), the hooks (servers stopped, evidence attached, lab given back) and the gaps between steps (the
/// runner's own time: step matching, context injection, messages).
/// </summary>
internal sealed partial record ScenarioSplit(string Name, TimeSpan Wall, TimeSpan Own, TimeSpan Lease, TimeSpan Hooks, TimeSpan Gaps)
{
    public TimeSpan Overhead => Lease + Hooks + Gaps;

    public static ScenarioSplit Of(ScenarioResult scenario)
    {
        var steps = scenario.Steps;
        var lease = Sum(steps.Where(s => !s.IsHook && IsTopologyStep(s.Text)));
        var own = Sum(steps.Where(s => !s.IsHook && !IsTopologyStep(s.Text)));
        var hooks = Sum(steps.Where(s => s.IsHook));
        var gaps = scenario.Duration - lease - own - hooks;
        return new(scenario.DisplayName, scenario.Duration, own, lease, hooks, gaps < TimeSpan.Zero ? TimeSpan.Zero : gaps);
    }

    /// <summary>The two topology steps of Alpy.Specs.Steps' TopologySteps, the only steps that take a lab from the pool.</summary>
    private static bool IsTopologyStep(string text) => TopologyStep().IsMatch(text);

    private static TimeSpan Sum(IEnumerable<StepResult> steps) => steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    [GeneratedRegex(@"^the DUT has (these links:|\d+ links?)$")]
    private static partial Regex TopologyStep();
}
