using System.Globalization;

namespace Alpy.Runner.Bindings;

/// <summary>
/// Converts step text to the types step methods take: numbers and dates with the binding
/// culture, enums by member name (case and spaces ignored), Guid, TimeSpan, Uri, nullable forms.
/// </summary>
internal static class ArgumentConverter
{
    public static bool IsBuiltIn(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) || target == typeof(object) || target.IsEnum || target.IsPrimitive || target == typeof(decimal)
            || target == typeof(Guid) || target == typeof(DateTime) || target == typeof(DateTimeOffset) || target == typeof(TimeSpan)
            || target == typeof(DateOnly) || target == typeof(TimeOnly) || target == typeof(Uri);
    }

    /// <exception cref="FormatException">The text is not a valid value of <paramref name="type"/>; the message says which values are.</exception>
    public static object? Convert(string text, Type type, CultureInfo culture)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && text.Length == 0)
        {
            return null;
        }

        var target = underlying ?? type;
        try
        {
            return target switch
            {
                _ when target == typeof(string) || target == typeof(object) => text,
                { IsEnum: true } => ConvertEnum(text, target),
                _ when target == typeof(bool) => bool.Parse(text),
                _ when target == typeof(Guid) => Guid.Parse(text),
                _ when target == typeof(DateTime) => DateTime.Parse(text, culture, DateTimeStyles.AllowWhiteSpaces),
                _ when target == typeof(DateTimeOffset) => DateTimeOffset.Parse(text, culture, DateTimeStyles.AllowWhiteSpaces),
                _ when target == typeof(TimeSpan) => TimeSpan.Parse(text, culture),
                _ when target == typeof(DateOnly) => DateOnly.Parse(text, culture),
                _ when target == typeof(TimeOnly) => TimeOnly.Parse(text, culture),
                _ when target == typeof(Uri) => new Uri(text, UriKind.RelativeOrAbsolute),
                _ when target == typeof(char) => text.Length == 1 ? text[0] : throw new FormatException("expected one character"),
                _ => System.Convert.ChangeType(text, target, culture),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            throw new FormatException($"\"{text}\" is not a valid {target.Name}{Hint(target)}.", e);
        }
    }

    private static object ConvertEnum(string text, Type type)
    {
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var name in Enum.GetNames(type))
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name.Replace("_", string.Empty, StringComparison.Ordinal), compact, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse(type, name);
            }
        }

        throw new FormatException("no such member");
    }

    private static string Hint(Type type) =>
        type.IsEnum ? $" (one of: {string.Join(", ", Enum.GetNames(type))})" : string.Empty;
}
