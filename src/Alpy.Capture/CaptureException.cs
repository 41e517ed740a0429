namespace Alpy.Capture;

/// <summary>Base of every error this library raises on purpose; the message says what, where and what to do.</summary>
public class CaptureException : Exception
{
    public CaptureException(string message)
        : base(message)
    {
    }

    public CaptureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
