namespace Alpy.Specs.Steps.Values;

/// <summary>
/// Text a step sends or a server answers with, e.g. <c>"hello across"</c>: 1 to 200 printable characters, no line
/// breaks (the traffic tools speak in lines). It reaches programs only as one argv element, never a shell.
/// </summary>
public static class MessageText
{
    /// <summary>The longest message.</summary>
    public const int MaxLength = 200;

    /// <exception cref="StepValueException">Empty, too long, or with control characters.</exception>
    public static string Parse(string? text) =>
        string.IsNullOrEmpty(text) ? throw StepValueException.Invalid(text, "a message", "write some text between quotes, e.g. \"hello\".")
        : text.Length > MaxLength ? throw StepValueException.Invalid(text, "a message", $"it has {text.Length} characters; keep it to {MaxLength}.")
        : text.Any(char.IsControl) ? throw StepValueException.Invalid(text, "a message", "it contains a control character (a tab or line break); use plain text.")
        : text;
}
