namespace Alpy.Specs.Steps.Dut.Sharing;

/// <summary>The host folder could not be shared into the DUT; the message says why and what to install.</summary>
public sealed class DutShareException : Exception
{
    public DutShareException(string message)
        : base(message)
    {
    }

    public DutShareException()
    {
    }

    public DutShareException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
