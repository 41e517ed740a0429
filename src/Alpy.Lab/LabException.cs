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
}
