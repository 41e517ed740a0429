using System.Globalization;

namespace Alpy.Specs.Steps.Frames;

/// <summary>How many matching frames a capture step expects: at least N (a, an), exactly N, at most N, or none.</summary>
public readonly record struct Quantity(QuantityKind Kind, int Count)
{
    public static Quantity AtLeastOne => new(QuantityKind.AtLeast, 1);

    public static Quantity NoFrame => new(QuantityKind.Exactly, 0);

    /// <summary>Whether <paramref name="found"/> frames satisfy it.</summary>
    public bool IsMetBy(int found) => Kind switch
    {
        QuantityKind.AtLeast => found >= Count,
        QuantityKind.AtMost => found <= Count,
        _ => found == Count,
    };

    /// <summary>Whether the step should wait for frames to arrive (it expects some), rather than look once.</summary>
    public bool ExpectsFrames => Kind != QuantityKind.AtMost && Count > 0;

    public override string ToString() => Kind switch
    {
        QuantityKind.AtLeast when Count == 1 => "at least one",
        QuantityKind.AtLeast => string.Create(CultureInfo.InvariantCulture, $"at least {Count}"),
        QuantityKind.AtMost => string.Create(CultureInfo.InvariantCulture, $"at most {Count}"),
        _ when Count == 0 => "no",
        _ => string.Create(CultureInfo.InvariantCulture, $"exactly {Count}"),
    };
}

/// <summary>The comparison of a <see cref="Quantity"/>.</summary>
public enum QuantityKind
{
    AtLeast,
    Exactly,
    AtMost,
}
