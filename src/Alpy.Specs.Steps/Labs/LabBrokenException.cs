namespace Alpy.Specs.Steps.Labs;

/// <summary>
/// The lab itself broke during the scenario (the DUT's QEMU or a node container died): the scenario fails saying
/// so, instead of with the symptom (a ping that timed out), because what failed after that moment failed for this
/// reason and not because of the DUT's configuration.
/// </summary>
public sealed class LabBrokenException : Exception
{
    public LabBrokenException(string message)
        : base(message)
    {
    }

    public LabBrokenException()
    {
    }

    public LabBrokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
