namespace Alpy.Specs.Steps.Dut;

/// <summary>POSIX shell quoting for values put on a DUT console line.</summary>
public static class ShellQuoting
{
    /// <summary>Single-quotes <paramref name="value"/>: <c>it's</c> becomes <c>'it'\''s'</c>; nothing inside is expanded.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A command line from argv: every element quoted.</summary>
    public static string Join(IEnumerable<string> argv) => string.Join(' ', argv.Select(Quote));
}
