namespace Alpy.Reports.Messages.Protocol;

// The subset of the Cucumber Messages schema (protocol 2x–3x) that reports read. Unknown
// properties are ignored; properties marked `required` must be present, or the reader reports the
// line as corrupt instead of failing later with a null reference.

internal sealed record Timestamp
{
    public required long Seconds { get; init; }
    public int Nanos { get; init; }

    public DateTimeOffset ToDateTimeOffset() =>
        DateTimeOffset.FromUnixTimeSeconds(Seconds).AddTicks(Nanos / 100);
}

internal sealed record Duration
{
    public required long Seconds { get; init; }
    public int Nanos { get; init; }

    public TimeSpan ToTimeSpan() => TimeSpan.FromSeconds(Seconds) + TimeSpan.FromTicks(Nanos / 100);
}

internal sealed record Location
{
    public required int Line { get; init; }
    public int? Column { get; init; }
}

internal sealed record SourceReference
{
    public string? Uri { get; init; }
    public Location? Location { get; init; }
}

internal sealed record ExceptionInfo
{
    public required string Type { get; init; }
    public string? Message { get; init; }
    public string? StackTrace { get; init; }
}
