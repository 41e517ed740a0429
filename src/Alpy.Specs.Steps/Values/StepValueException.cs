namespace Alpy.Specs.Steps.Values;

/// <summary>
/// A value written in a feature file is not valid: the message quotes the value, says what it should be and
/// gives an example. The runner puts the step and its file:line in front, so the reader sees all three.
/// </summary>
public sealed class StepValueException : Exception
{
    public StepValueException(string message)
        : base(message)
    {
    }

    public StepValueException()
    {
    }

    public StepValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>"«value» is not WHAT; HINT".</summary>
    internal static StepValueException Invalid(string? value, string what, string hint) =>
        new($"\"{Shown(value)}\" is not {what}; {hint}");

    /// <summary>A value as it may be shown in a message: control characters escaped, long values cut.</summary>
    internal static string Shown(string? value)
    {
        if (value is null)
            return "(nothing)";
        var cut = value.Length > 80 ? value[..80] + "…" : value;
        return string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
