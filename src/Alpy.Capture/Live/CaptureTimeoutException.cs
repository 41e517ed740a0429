namespace Alpy.Capture;

/// <summary>A wait for frames ran out of time; the message lists what the capture did contain.</summary>
public sealed class CaptureTimeoutException : CaptureException
{
    public CaptureTimeoutException(string message, CaptureWindow window)
        : base(message)
    {
        Window = window;
    }

    /// <summary>What the capture held, since the wait's mark, when the wait gave up.</summary>
    public CaptureWindow Window { get; }
}
