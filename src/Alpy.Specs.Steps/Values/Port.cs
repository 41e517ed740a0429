using System.Globalization;

namespace Alpy.Specs.Steps.Values;

/// <summary>A TCP or UDP port, 1-65535.</summary>
public readonly record struct Port
{
    private Port(int number) => Number = number;

    public int Number { get; }

    /// <exception cref="StepValueException">The text is not a whole number from 1 to 65535.</exception>
    public static Port Parse(string? text)
    {
        if (text is { Length: > 0 and <= 5 } && text.All(char.IsAsciiDigit)
            && int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is var number and >= 1 and <= 65535)
            return new Port(number);
        throw StepValueException.Invalid(text, "a port", "write a whole number from 1 to 65535, e.g. 8080.");
    }

    /// <summary>A port from code (e.g. a default); throws <see cref="ArgumentOutOfRangeException"/> outside 1-65535.</summary>
    public static Port Of(int number) =>
        number is >= 1 and <= 65535 ? new Port(number) : throw new ArgumentOutOfRangeException(nameof(number), number, "A port is 1-65535.");

    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);
}
