using System.Text.Json.Nodes;
using Alpy.Reports.Messages;

namespace Alpy.Reports.Html;

/// <summary>
/// The HTML report shows an exception's <c>stackTrace</c> alone when there is one, expecting it to
/// start with "Type: message" as JavaScript stacks do (and as the CCK samples write it). A .NET stack
/// trace holds only the frames, so the reader would see where it failed but not why. This puts the
/// type and message in front of such a stack trace (a trace that already holds the message keeps its
/// start) and hides the runner's and the framework's frames (<see cref="StackTraceFilter"/>). Only the HTML
/// page gets the changed envelope (a copy): the run's message stream keeps the trace as the runner wrote it.
/// </summary>
internal static class ReadableExceptions
{
    public static Envelope Complete(Envelope envelope)
    {
        var result = ResultOf(envelope.Kind, envelope.Message);

        if (result?["exception"] is not JsonObject exception
            || exception["stackTrace"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || exception["message"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return envelope;
        }

        var trace = exception["stackTrace"]!.GetValue<string>();
        var message = exception["message"]!.GetValue<string>();
        var readable = StackTraceFilter.Filter(trace);
        if (message.Length > 0 && !trace.Contains(message, StringComparison.Ordinal))
        {
            var type = exception["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? exception["type"]!.GetValue<string>() : "Exception";
            readable = $"{type}: {message}\n{readable}";
        }

        if (ReferenceEquals(readable, trace))
        {
            return envelope;
        }

        var copy = (JsonObject)envelope.Message.DeepClone();
        ResultOf(envelope.Kind, copy)!["exception"]!["stackTrace"] = readable;
        return envelope.Changed() with { Message = copy };
    }

    private static JsonNode? ResultOf(string kind, JsonObject message) => kind switch
    {
        MessageKinds.TestStepFinished => message["testStepResult"],
        MessageKinds.TestRunHookFinished => message["result"],
        MessageKinds.TestRunFinished => message,
        _ => null,
    };
}
