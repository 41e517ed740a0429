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

    private static IAnsiConsole Standard()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = LogWidth;
        }

        return console;
    }

    /// <summary>Writes one line exactly as given (never parsed as markup): for lines scripts read.</summary>
    public void Line(string text) => Out.Profile.Out.Writer.WriteLine(text);
}
