namespace Alpy.Runner;

/// <summary>Thrown by a step or hook to skip the rest of the scenario (after-hooks still run); xUnit reports the scenario as skipped.</summary>
public sealed class SkipScenarioException : Exception
{
    public SkipScenarioException()
        : this(null)
    {
    }

    public SkipScenarioException(string? reason)
        : base(reason ?? "The scenario was skipped.") => Reason = reason;

    public SkipScenarioException(string reason, Exception innerException)
        : base(reason, innerException) => Reason = reason;

    /// <summary>Why, when the step said so.</summary>
    public string? Reason { get; }
}
