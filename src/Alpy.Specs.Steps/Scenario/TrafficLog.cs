using Alpy.Specs.Steps.Traffic;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Scenario;

/// <summary>The traffic a scenario sent, in order; verdict steps judge the latest attempt of the kind they name.</summary>
public sealed class TrafficLog
{
    private readonly List<TrafficAttempt> _attempts = [];

    public IReadOnlyList<TrafficAttempt> Attempts => _attempts;

    public void Add(TrafficAttempt attempt) => _attempts.Add(attempt ?? throw new ArgumentNullException(nameof(attempt)));

    /// <summary>The latest attempt of <paramref name="kind"/>.</summary>
    /// <exception cref="StepValueException">The scenario sent no such traffic (the message lists what it sent).</exception>
    public TrafficAttempt Last(TrafficKind kind)
    {
        var name = kind.Noun();
        return _attempts.LastOrDefault(a => a.Kind == name)
            ?? throw new StepValueException(_attempts.Count == 0
                ? $"There is no {name} to judge: the scenario sent no traffic before this step. Put a When step that sends it first (e.g. \"When node 0 pings 192.168.1.2\")."
                : $"There is no {name} to judge: the scenario's traffic so far was {string.Join("; ", _attempts.Select(a => $"{a.Description} ({a.Kind})"))}.");
    }
}
