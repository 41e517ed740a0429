using Spectre.Console;

namespace Alpy.Cli;

/// <summary>Where the command writes: people-facing output (Spectre, colours when a terminal) and errors.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: every error message goes here, prefixed with the command's name.</param>
internal sealed record CliConsole(IAnsiConsole Out, TextWriter Error)
{
    public static CliConsole System { get; } = new(Standard(), Console.Error);

    /// <summary>A plain console over a writer (tests, redirected output): no colours, no live displays.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = LogWidth;
        return new(console, error);
    }

    // Redirected output (CI logs, pipes) has no width: lines are not wrapped at 80 columns there.
    private const int LogWidth = 200;

    /// <summary>
    /// A terminal gets Spectre's colours and live displays. Redirected output (a CI log, a file, a pipe) gets plain
    /// text, since escape codes there are noise to anyone reading or grepping it, unless FORCE_COLOR asks for them
    /// (for CI log viewers that render them). NO_COLOR is honoured by Spectre itself.
    /// </summary>
    private static IAnsiConsole Standard()
    {
        if (!Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }

        if (Environment.GetEnvironmentVariable("FORCE_COLOR") is { Length: > 0 })
        {
            var colored = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.No });
            colored.Profile.Width = LogWidth;
            return colored;
        }

        return Plain(Console.Out, Console.Error).Out;
    }

    /// <summary>Writes one line exactly as given (never parsed as markup): for lines scripts read.</summary>
    public void Line(string text) => Out.Profile.Out.Writer.WriteLine(text);
}
