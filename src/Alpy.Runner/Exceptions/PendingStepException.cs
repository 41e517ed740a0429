namespace Alpy.Runner;

/// <summary>Thrown by a step that is not implemented yet: the step is pending and the rest of the scenario is skipped.</summary>
public sealed class PendingStepException : Exception
{
    public const string DefaultMessage = "One or more step definitions are not implemented yet.";

    public PendingStepException()
        : base(DefaultMessage)
    {
    }

    public PendingStepException(string message)
        : base(message) => HasCustomMessage = true;

    public PendingStepException(string message, Exception innerException)
        : base(message, innerException) => HasCustomMessage = true;

    /// <summary>Whether the step said why (the message stream shows only a message that was given).</summary>
    public bool HasCustomMessage { get; }
}
