using System.CommandLine;
using Alpy.Cli.Commands;

namespace Alpy.Cli;

/// <summary>The root of the alpy command: its subcommands, parse errors and exit codes.</summary>
internal static class AlpyCommand
{
    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand("alpy: living documentation and CI for the Alpy.Specs suite (see docs/reports.md).");
        root.Add(ReportCommand.Create(console));
        root.Add(MergeCommand.Create(console));
        root.Add(SummaryCommand.Create(console));
        root.Add(RunCommand.Create(console));

        // Lab commands live in src/Alpy.Cli/Lab/ and are added here, one line each.
        root.Add(Lab.LabCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var parse = Create(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"alpy: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'alpy --help' or 'alpy <command> --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out.Profile.Out.Writer,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
