namespace Alpy.Lab;

/// <summary>
/// The lab could not do what was asked. The message says what failed, where (link, node,
/// container) and what to do; <see cref="Exception.InnerException"/> carries the underlying error.
/// </summary>
public class LabException : Exception
{
    public LabException()
    {
    }

    public LabException(string message)
        : base(message)
    {
    }

    public LabException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The run the error belongs to, when one was registered (its artifacts are in the run folder of that id).</summary>
    public Runs.RunId? Run { get; init; }
}
