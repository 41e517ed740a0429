namespace Alpy.Runner;

/// <summary>
/// What xUnit reports for a scenario that did not pass: the message names the scenario, the
/// step with its file:line, and what to do; the step's own exception is the inner exception.
/// </summary>
public sealed class ScenarioFailedException : Exception
{
    public ScenarioFailedException(string message)
        : base(message)
    {
    }

    public ScenarioFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Keeps the stack trace of the step's exception, which is where the reader should look.</summary>
    public override string? StackTrace => InnerException?.StackTrace ?? base.StackTrace;
}
