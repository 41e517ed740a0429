namespace Alpy.Specs.Steps.Labs;

/// <summary>No lab could be brought up for a scenario (the DUT did not boot, Docker is missing, ...); the message says why.</summary>
public sealed class LabUnavailableException : Exception
{
    public LabUnavailableException(string message)
        : base(message)
    {
    }

    public LabUnavailableException()
    {
    }

    public LabUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
