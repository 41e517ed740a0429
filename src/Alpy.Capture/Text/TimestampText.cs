using System.Globalization;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints a line's timestamp in one of tcpdump's -t styles, truncated to microseconds as tcpdump -r does.</summary>
internal static class TimestampText
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <param name="reference">The previous frame's time (-ttt) or the first frame's (-ttttt).</param>
    public static void Append(StringBuilder text, TimestampStyle style, TimeZoneInfo zone, long nanoseconds, long reference)
    {
        switch (style)
        {
            case TimestampStyle.None:
                return;
            case TimestampStyle.Epoch:
                (long seconds, long fraction) = Split(nanoseconds);
                text.Append(CultureInfo.InvariantCulture, $"{seconds}.{fraction / 1000:000000} ");
                return;
            case TimestampStyle.DeltaFromPrevious:
            case TimestampStyle.DeltaFromFirst:
                AppendDelta(text, nanoseconds - reference);
                return;
        }

        DateTimeOffset time = TimeZoneInfo.ConvertTime(Timestamps.FromNanoseconds(nanoseconds), zone);
        long microseconds = Split(nanoseconds).Fraction / 1000;
        if (style == TimestampStyle.DateAndTime)
        {
            text.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-dd} ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{time:HH:mm:ss}.{microseconds:000000} ");
    }

    private static void AppendDelta(StringBuilder text, long nanoseconds)
    {
        string sign = nanoseconds < 0 ? "-" : " ";
        long magnitude = Math.Abs(nanoseconds / 1000);
        long seconds = magnitude / 1_000_000;
        text.Append(CultureInfo.InvariantCulture, $"{sign}{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}.{magnitude % 1_000_000:000000} ");
    }

    /// <summary>Whole seconds and the nanoseconds within them, rounding down also before 1970.</summary>
    private static (long Seconds, long Fraction) Split(long nanoseconds)
    {
        long seconds = Math.DivRem(nanoseconds, NanosecondsPerSecond, out long fraction);
        return fraction < 0 ? (seconds - 1, fraction + NanosecondsPerSecond) : (seconds, fraction);
    }
}
