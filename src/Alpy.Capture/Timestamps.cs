namespace Alpy.Capture;

/// <summary>Conversions between the nanosecond timestamps of captures and <see cref="DateTimeOffset"/>.</summary>
internal static class Timestamps
{
    /// <summary>Rounds down to the 100 ns ticks of <see cref="DateTimeOffset"/>, also before 1970.</summary>
    public static DateTimeOffset FromNanoseconds(long nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(Math.DivRem(nanoseconds, 100, out long remainder) - (remainder < 0 ? 1 : 0));

    /// <summary>Saturates outside the ±292 years around 1970 that nanoseconds in a <see cref="long"/> can hold.</summary>
    public static long ToNanoseconds(DateTimeOffset time)
    {
        long ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return ticks > long.MaxValue / 100 ? long.MaxValue : ticks < long.MinValue / 100 ? long.MinValue : ticks * 100;
    }
}
