namespace Alpy.Capture;

/// <summary>How each line's timestamp is printed, as tcpdump's -t options do.</summary>
public enum TimestampStyle
{
    /// <summary>Time of day, <c>20:59:47.318845</c> (tcpdump's default).</summary>
    TimeOfDay,

    /// <summary>No timestamp (-t).</summary>
    None,

    /// <summary>Seconds since the epoch, <c>1795294787.318845</c> (-tt).</summary>
    Epoch,

    /// <summary>Time since the previous frame, <c> 00:00:00.000049</c> (-ttt).</summary>
    DeltaFromPrevious,

    /// <summary>Date and time of day, <c>2026-11-21 20:59:47.318845</c> (-tttt).</summary>
    DateAndTime,

    /// <summary>Time since the first frame, <c> 00:00:00.652762</c> (-ttttt).</summary>
    DeltaFromFirst,
}
