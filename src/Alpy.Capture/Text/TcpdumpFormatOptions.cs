namespace Alpy.Capture;

/// <summary>What a <see cref="TcpdumpFormatter"/> line shows; each option is named after the tcpdump flag it mirrors.</summary>
public sealed record TcpdumpFormatOptions
{
    /// <summary>The look of <c>tcpdump -n -r FILE</c> with times in UTC.</summary>
    public static TcpdumpFormatOptions Default { get; } = new();

    /// <summary>Print the link-level header: MAC addresses, EtherTypes, VLAN tags (-e).</summary>
    public bool LinkLevel { get; init; }

    /// <summary>Print absolute TCP sequence numbers instead of numbers relative to the connection's start (-S).</summary>
    public bool AbsoluteSequenceNumbers { get; init; }

    /// <summary>Start each line with the frame's number, as tcpdump's -# (--number) does.</summary>
    public bool Numbers { get; init; }

    public TimestampStyle Timestamps { get; init; } = TimestampStyle.TimeOfDay;

    /// <summary>
    /// The zone of printed times. UTC by default so that excerpts read the same on every machine; tcpdump uses
    /// the local zone (run it with TZ=UTC to compare).
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Timestamps))
        {
            throw new ArgumentException($"TcpdumpFormatOptions.Timestamps is {(int)Timestamps}, which is not a TimestampStyle.", nameof(Timestamps));
        }

        if (TimeZone is null)
        {
            throw new ArgumentException("TcpdumpFormatOptions.TimeZone is null; use TimeZoneInfo.Utc or TimeZoneInfo.Local.", nameof(TimeZone));
        }
    }
}
