using System.Globalization;

namespace Alpy.Specs.Steps.Values;

/// <summary>A tolerance such as <c>10%</c>: a fraction from 0 to 1.</summary>
public readonly record struct Percentage
{
    private Percentage(double fraction) => Fraction = fraction;

    public double Fraction { get; }

    /// <summary>Parses the number before '%' (0 to 100).</summary>
    /// <exception cref="StepValueException">Not a number from 0 to 100.</exception>
    public static Percentage Parse(string? number) =>
        number is { Length: > 0 and <= 6 }
        && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100
            ? new Percentage(value / 100)
            : throw StepValueException.Invalid(number + "%", "a percentage", "write a number from 0 to 100 followed by %, e.g. 10%.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Fraction * 100:0.##}%");
}
