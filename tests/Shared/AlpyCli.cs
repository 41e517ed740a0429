using Alpy.Cli;

namespace Alpy.Tests.Cli;

/// <summary>Runs the alpy command in-process, capturing what it prints (shared by the test projects that run it).</summary>
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
