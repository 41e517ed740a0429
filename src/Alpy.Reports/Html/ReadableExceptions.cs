using Io.Cucumber.Messages.Types;
using MessageException = Io.Cucumber.Messages.Types.Exception;

namespace Alpy.Reports.Html;

/// <summary>
/// The HTML report shows an exception's <c>stackTrace</c> alone when there is one, expecting it to
/// start with "Type: message" as JavaScript stacks do (and as the CCK samples write it). A .NET stack
/// trace (Reqnroll's) holds only the frames, so the reader would see where it failed but not why. This puts the
/// type and message in front of such a stack trace (a trace that already holds the message keeps its
/// start) and hides Reqnroll's and the framework's frames (<see cref="StackTraceFilter"/>). Only the HTML
/// page gets the changed envelope (a copy): the run's message stream keeps the trace as Reqnroll wrote it.
/// </summary>
internal static class ReadableExceptions
{
    public static Envelope Complete(Envelope envelope) => envelope switch
    {
        { TestStepFinished: { TestStepResult: { } result } m } when Readable(result.Exception) is { } e =>
            Envelope.Create(new TestStepFinished(m.TestCaseStartedId, m.TestStepId, With(result, e), m.Timestamp)),
        { TestRunHookFinished: { Result: { } result } m } when Readable(result.Exception) is { } e =>
            Envelope.Create(new TestRunHookFinished(m.TestRunHookStartedId, With(result, e), m.Timestamp)),
        { TestRunFinished: { } m } when Readable(m.Exception) is { } e =>
            Envelope.Create(new TestRunFinished(m.Message, m.Success, m.Timestamp, e, m.TestRunStartedId)),
        _ => envelope,
    };

    private static TestStepResult With(TestStepResult result, MessageException exception) =>
        new(result.Duration, result.Message, result.Status, exception);

    // The exception with a readable stack trace, or null when it needs no change.
    private static MessageException? Readable(MessageException? exception)
    {
        if (exception is not { StackTrace: { } trace, Message: { } message })
        {
            return null;
        }

        var readable = StackTraceFilter.Filter(trace);
        if (message.Length > 0 && !trace.Contains(message, StringComparison.Ordinal))
        {
            readable = $"{exception.Type ?? "Exception"}: {message}\n{readable}";
        }

        return ReferenceEquals(readable, trace) ? null : new MessageException(exception.Type, message, readable);
    }
}
