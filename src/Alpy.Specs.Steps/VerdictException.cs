namespace Alpy.Specs.Steps;

/// <summary>
/// A scenario's expectation did not hold: the message says what was expected and what was seen (exit codes,
/// replies, the frames on a link), in the words of the step.
/// </summary>
public sealed class VerdictException : Exception
{
    public VerdictException(string message)
        : base(message)
    {
    }

    public VerdictException()
    {
    }

    public VerdictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
