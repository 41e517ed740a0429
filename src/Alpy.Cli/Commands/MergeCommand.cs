using System.CommandLine;
using Alpy.Reports;

namespace Alpy.Cli.Commands;

/// <summary>`alpy merge SHARD...`: the shards' streams → one stream and one report with correct totals.</summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var shards = new Argument<string[]>("shards")
        {
            Description = "Each shard's messages.ndjson, or folders holding them (e.g. the downloaded CI artifacts), in shard order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var expected = new Option<int?>("--expected-shards")
        {
            Description = "How many shards the CI matrix ran; fewer streams is an error (a job's upload is missing), never a smaller total.",
        };
        var options = new ReportOptions();
        var command = new Command("merge", "Merge the message streams of a suite's shards into one stream and one report (as if one machine had run them).")
        {
            shards,
            expected,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandAction.RunAsync(console, "merge", async () =>
        {
            var streams = StreamInputs.Expand(parse.GetValue(shards)!);
            var request = options.ToRequest(parse, streams, parse.GetValue(expected) ?? streams.Count);
            var result = await new ReportBuilder().BuildAsync(request, cancellationToken).ConfigureAwait(false);
            return await ReportVerdict.ShowAsync(console, "merge", result, parse.GetValue(options.MaxFailures)).ConfigureAwait(false);
        }));
        return command;
    }
}
