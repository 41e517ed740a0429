namespace Alpy.Specs.Steps.Traffic;

/// <summary>The kinds of traffic verdict steps name: "the ping", "the connection", "the message", "the requests", "the measurement".</summary>
public enum TrafficKind
{
    Ping,
    Connection,
    Message,
    Requests,
    Measurement,
}

/// <summary>Words for <see cref="TrafficKind"/>.</summary>
public static class TrafficKinds
{
    /// <summary>The noun as steps write it: "ping", "connection", "message", "requests", "measurement".</summary>
    public static string Noun(this TrafficKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses the noun; "request" is taken as "requests".</summary>
    public static TrafficKind Parse(string text) => text switch
    {
        "ping" => TrafficKind.Ping,
        "connection" => TrafficKind.Connection,
        "message" => TrafficKind.Message,
        "request" or "requests" => TrafficKind.Requests,
        "measurement" => TrafficKind.Measurement,
        _ => throw new Values.StepValueException($"\"{text}\" is not a kind of traffic; write the ping, the connection, the message, the requests or the measurement."),
    };
}
