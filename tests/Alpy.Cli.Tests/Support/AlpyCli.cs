using Alpy.Cli;

namespace Alpy.Cli.Tests.Support;

/// <summary>Runs the alpy command in-process, capturing what it prints.</summary>
internal static class AlpyCli
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AlpyCommand.RunAsync(args, CliConsole.Plain(output, error), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].TrimEnd('\r');
}
