using System.Globalization;

namespace Alpy.Specs.Steps.Values;

/// <summary>A data rate, e.g. <c>2 Mbit/s</c>; kept in bits per second.</summary>
public readonly record struct Rate
{
    /// <summary>The lowest rate the steps accept (8 kbit/s: below that, a measurement of seconds says little).</summary>
    public const double MinBitsPerSecond = 8_000;

    /// <summary>The highest rate the steps accept (10 Gbit/s).</summary>
    public const double MaxBitsPerSecond = 10_000_000_000;

    private static readonly (string Unit, double Factor)[] Units =
        [("bit/s", 1), ("kbit/s", 1e3), ("Mbit/s", 1e6), ("Gbit/s", 1e9)];

    private Rate(double bitsPerSecond) => BitsPerSecond = bitsPerSecond;

    public double BitsPerSecond { get; }

    /// <summary>Parses a number and a unit (bit/s, kbit/s, Mbit/s, Gbit/s), e.g. <c>2 Mbit/s</c> or <c>1.5 Mbit/s</c>.</summary>
    /// <exception cref="StepValueException">Not a positive number, an unknown unit, or out of range.</exception>
    public static Rate Parse(string? number, string? unit)
    {
        var text = $"{number} {unit}";
        const string hint = "write a number and bit/s, kbit/s, Mbit/s or Gbit/s, e.g. 2 Mbit/s.";
        if (number is not { Length: > 0 and <= 12 }
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw StepValueException.Invalid(text, "a rate", hint);
        var factor = Units.FirstOrDefault(u => string.Equals(u.Unit, unit, StringComparison.Ordinal)).Factor;
        if (factor == 0)
        {
            var bytes = unit is not null && unit.Contains("B/s", StringComparison.Ordinal) ? " (rates are in bits, not bytes)" : "";
            throw StepValueException.Invalid(text, "a rate", $"the unit must be bit/s, kbit/s, Mbit/s or Gbit/s{bytes}; e.g. 2 Mbit/s.");
        }

        var bits = value * factor;
        return bits is >= MinBitsPerSecond and <= MaxBitsPerSecond
            ? new Rate(bits)
            : throw StepValueException.Invalid(text, "a rate the lab can measure", "give a rate from 8 kbit/s to 10 Gbit/s.");
    }

    /// <summary>A rate from code.</summary>
    public static Rate FromBitsPerSecond(double bitsPerSecond) =>
        bitsPerSecond is >= MinBitsPerSecond and <= MaxBitsPerSecond
            ? new Rate(bitsPerSecond)
            : throw new ArgumentOutOfRangeException(nameof(bitsPerSecond), bitsPerSecond, "A rate is 8 kbit/s to 10 Gbit/s.");

    /// <summary>The rate in whole kbit/s (at least 1), as tc takes it.</summary>
    public long Kilobits => Math.Max(1, (long)Math.Round(BitsPerSecond / 1000));

    public override string ToString() => Format(BitsPerSecond);

    /// <summary>A measured rate in the unit that reads best: "1.94 Mbit/s".</summary>
    public static string Format(double bitsPerSecond)
    {
        var (unit, factor) = Units.LastOrDefault(u => bitsPerSecond >= u.Factor, Units[0]);
        return string.Create(CultureInfo.InvariantCulture, $"{bitsPerSecond / factor:0.###} {unit}");
    }
}
