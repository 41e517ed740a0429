namespace Alpy.Reports;

/// <summary>
/// A report cannot be made: assets missing, a folder not writable, shards that do not fit together.
/// The message says what, where, and what to do.
/// </summary>
public sealed class ReportException : Exception
{
    public ReportException(string message)
        : base(message)
    {
    }

    public ReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
