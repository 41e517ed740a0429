namespace Alpy.Capture;

/// <summary>A filter expression libpcap rejected (the message quotes libpcap), or libpcap itself is missing.</summary>
public sealed class CaptureFilterException : CaptureException
{
    public CaptureFilterException(string expression, string message)
        : base(message)
    {
        Expression = expression;
    }

    public CaptureFilterException(string expression, string message, Exception innerException)
        : base(message, innerException)
    {
        Expression = expression;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }
}
