namespace Alpy.Specs.Steps.Values;

/// <summary>A link as written in a step ("link 1"), before the topology confirms it.</summary>
public sealed record LinkRef(int Number)
{
    /// <exception cref="StepValueException">Not a link number.</exception>
    public static LinkRef Parse(string? text) => new(LinkNumber.Parse(text));

    public override string ToString() => $"link {Number}";
}
