using System.Globalization;

namespace Alpy.Specs.Steps.Scenario;

/// <summary>
/// When the scenario and each of its steps started, so that a failure of the lab itself (the DUT or a node died)
/// can say when it happened in the scenario's own terms: "2.3 s into the scenario, during step "When node 0 pings
/// 192.168.1.2"". One per scenario; the hooks record the starts.
/// </summary>
public sealed class ScenarioTimeline
{
    private readonly List<(DateTimeOffset At, string Step)> _steps = [];

    /// <summary>When the scenario started (its first hook ran).</summary>
    public DateTimeOffset Started { get; private set; } = DateTimeOffset.Now;

    /// <summary>Notes the scenario's start.</summary>
    public void ScenarioStarted() => Started = DateTimeOffset.Now;

    /// <summary>Notes that a step starts, as the feature writes it: <c>When node 0 pings 192.168.1.2</c>.</summary>
    public void StepStarted(string step) => _steps.Add((DateTimeOffset.Now, step));

    /// <summary>Where <paramref name="at"/> falls in the scenario: before it, or how far into it and in which step.</summary>
    public string Describe(DateTimeOffset at)
    {
        if (at < Started)
            return string.Create(CultureInfo.InvariantCulture, $"{(Started - at).TotalSeconds:0.0} s before this scenario started");
        var into = string.Create(CultureInfo.InvariantCulture, $"{(at - Started).TotalSeconds:0.0} s into the scenario");
        var step = _steps.LastOrDefault(s => s.At <= at).Step;
        return step is null ? $"{into}, before its first step" : $"{into}, during step \"{step}\"";
    }
}
