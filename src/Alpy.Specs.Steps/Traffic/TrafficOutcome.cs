namespace Alpy.Specs.Steps.Traffic;

/// <summary>How one piece of traffic ended, as the client saw it.</summary>
public enum TrafficOutcome
{
    /// <summary>Answered as asked (a ping reply, a connection, a reply line, an HTTP response).</summary>
    Succeeded,

    /// <summary>Answered with a refusal: a TCP reset, or an ICMP port unreachable for UDP.</summary>
    Refused,

    /// <summary>No answer at all within the wait.</summary>
    TimedOut,

    /// <summary>An ICMP host or network unreachable, or no route.</summary>
    Unreachable,

    /// <summary>Any other failure (the message says what the tool printed).</summary>
    Failed,
}

/// <summary>Words for outcomes in steps and messages.</summary>
public static class TrafficOutcomes
{
    /// <summary>"succeeded", "was refused", ...: how a message tells what was seen.</summary>
    public static string Past(this TrafficOutcome outcome) => outcome switch
    {
        TrafficOutcome.Succeeded => "succeeded",
        TrafficOutcome.Refused => "was refused",
        TrafficOutcome.TimedOut => "timed out",
        TrafficOutcome.Unreachable => "found the destination unreachable",
        _ => "failed",
    };

    /// <summary>
    /// Reads the outcome from what a client tool printed: socat, wget and the suite's scripts say why a
    /// connection or exchange did not happen in words of the C library (strerror) or with alpy-no-reply.
    /// </summary>
    public static TrafficOutcome FromToolOutput(long exitCode, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Contains("Connection refused", StringComparison.Ordinal))
            return TrafficOutcome.Refused;
        if (output.Contains("No route to host", StringComparison.Ordinal) || output.Contains("is unreachable", StringComparison.Ordinal))
            return TrafficOutcome.Unreachable;
        if (output.Contains("timed out", StringComparison.OrdinalIgnoreCase) || output.Contains("alpy-no-reply", StringComparison.Ordinal))
            return TrafficOutcome.TimedOut;
        return exitCode == 0 ? TrafficOutcome.Succeeded : TrafficOutcome.Failed;
    }
}
