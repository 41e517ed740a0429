using System.Collections.Immutable;
using System.Globalization;

namespace Alpy.Specs.Steps.Values;

/// <summary>A proportion such as <c>3:1</c>: whole weights from 1 to 100, one per party.</summary>
public sealed record Ratio(ImmutableArray<int> Weights)
{
    /// <exception cref="StepValueException">Not whole numbers 1-100 separated by ':'.</exception>
    public static Ratio Parse(string? text)
    {
        const string hint = "write whole numbers from 1 to 100 separated by ':', e.g. 3:1.";
        var parts = text?.Split(':') ?? [];
        if (parts.Length is < 2 or > 16)
            throw StepValueException.Invalid(text, "a ratio", hint);
        var weights = parts.Select(p => NodeRef.Number(p, 1, 100)).ToArray();
        return weights.All(w => w is not null)
            ? new Ratio([.. weights.Select(w => w!.Value)])
            : throw StepValueException.Invalid(text, "a ratio", hint);
    }

    /// <summary>The share of party <paramref name="index"/>: its weight over the sum.</summary>
    public double Share(int index) => (double)Weights[index] / Weights.Sum();

    public override string ToString() => string.Join(':', Weights.Select(w => w.ToString(CultureInfo.InvariantCulture)));
}
