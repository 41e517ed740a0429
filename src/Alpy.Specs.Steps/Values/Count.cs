using System.Globalization;

namespace Alpy.Specs.Steps.Values;

/// <summary>Bounded whole numbers from steps: counts, TTLs, durations. Bounds keep a typo from running for hours.</summary>
public static class Count
{
    /// <summary>How many times traffic is sent (pings, requests): 1 to 100.</summary>
    public static int Times(int value) => Check(value, 1, 100, "a number of times", "e.g. 8");

    /// <summary>An IPv4 TTL: 1 to 255.</summary>
    public static int Ttl(int value) => Check(value, 1, 255, "a TTL", "a TTL is 1 to 255, e.g. 64");

    /// <summary>An IPv6 hop limit: 1 to 255.</summary>
    public static int HopLimit(int value) => Check(value, 1, 255, "a hop limit", "a hop limit is 1 to 255, e.g. 64");

    /// <summary>A measurement's duration in seconds: 1 to 30.</summary>
    public static int Seconds(int value) => Check(value, 1, 30, "a duration", "measure for 1 to 30 seconds, e.g. 3");

    /// <summary>A number of frames: 0 to 10000.</summary>
    public static int Frames(int value) => Check(value, 0, 10_000, "a number of frames", "count 0 to 10000 frames");

    private static int Check(int value, int min, int max, string what, string hint) =>
        value >= min && value <= max
            ? value
            : throw StepValueException.Invalid(value.ToString(CultureInfo.InvariantCulture), what, $"it must be {min} to {max} ({hint}).");
}
