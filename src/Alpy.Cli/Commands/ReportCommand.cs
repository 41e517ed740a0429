using System.CommandLine;
using Alpy.Reports;

namespace Alpy.Cli.Commands;

/// <summary>`alpy report STREAM`: one run's message stream → HTML report, JUnit, index page, summary.</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var stream = new Argument<string>("stream")
        {
            Description = "The run's Cucumber Messages stream (NDJSON), written by the runner to formatters.message.outputFilePath.",
        };
        var options = new ReportOptions();
        var command = new Command("report", "Write the living documentation of a run: HTML report, JUnit XML, index page; then print its summary.")
        {
            stream,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandAction.RunAsync(console, "report", async () =>
        {
            var request = options.ToRequest(parse, [parse.GetValue(stream)!]);
            var result = await new ReportBuilder().BuildAsync(request, cancellationToken).ConfigureAwait(false);
            return await ReportVerdict.ShowAsync(console, "report", result, parse.GetValue(options.MaxFailures)).ConfigureAwait(false);
        }));
        return command;
    }
}
