using System.Text;

namespace Alpy.Lab.Teardown;

/// <summary>
/// One or more teardown steps failed. Every other step still ran; the message lists each failed
/// step and its error, and what may be left behind.
/// </summary>
public sealed class LabTeardownException : Exception
{
    public LabTeardownException(IReadOnlyList<TeardownFailure> failures, IReadOnlyList<TeardownTiming> timings)
        : base(Describe(failures), failures.Count == 1 ? failures[0].Error : new AggregateException(failures.Select(f => f.Error)))
    {
        Failures = failures;
        Timings = timings;
    }

    public LabTeardownException()
    {
        Failures = [];
        Timings = [];
    }

    public LabTeardownException(string message)
        : base(message)
    {
        Failures = [];
        Timings = [];
    }

    public LabTeardownException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failures = [];
        Timings = [];
    }

    /// <summary>The steps that failed, in the order they ran.</summary>
    public IReadOnlyList<TeardownFailure> Failures { get; }

    /// <summary>Every step that ran, failed or not.</summary>
    public IReadOnlyList<TeardownTiming> Timings { get; }

    private static string Describe(IReadOnlyList<TeardownFailure> failures)
    {
        var text = new StringBuilder();
        text.Append("Lab teardown: ").Append(failures.Count).Append(failures.Count == 1 ? " step" : " steps")
            .AppendLine(" failed (every other step still ran):");
        foreach (var failure in failures)
            text.Append("  - ").Append(failure.Step).Append(": ").AppendLine(failure.Error.Message);
        text.Append("Whatever these steps left behind is reaped when the next lab starts, or now with `alpy lab reap`.");
        return text.ToString();
    }
}
