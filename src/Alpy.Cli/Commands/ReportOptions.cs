using System.CommandLine;
using Alpy.Reports;
using Alpy.Reports.Attachments;
using Alpy.Reports.Messages;

namespace Alpy.Cli.Commands;

/// <summary>Options shared by the commands that write a report (report, merge, run).</summary>
internal sealed class ReportOptions
{
    public Option<string> Reports { get; } = new("--reports")
    {
        Description = "The reports folder: runs go to <reports>/runs/<run id>/ and <reports>/index.html lists them.",
        DefaultValueFactory = _ => "reports",
    };

    public Option<string?> RunDirectory { get; } = new("--run-dir")
    {
        Description = "Write the run into this folder (e.g. the one the lab wrote evidence to) instead of <reports>/runs/<run id>.",
    };

    public Option<string?> RunId { get; } = new("--run-id")
    {
        Description = $"The run's id (default ${ReportRequest.RunIdEnvironmentVariable}, else the time of the report).",
    };

    public Option<string> Title { get; } = new("--title")
    {
        Description = "Title shown on every page.",
        DefaultValueFactory = _ => "Alpy.Specs",
    };

    public Option<string?> LabRuns { get; } = new("--lab-runs")
    {
        Description = "Where the lab writes its run folders with lab.json (default $ALPY_ARTIFACTS, else <reports>/runs); the labs that ran during the run are shown on its index page.",
    };

    public Option<int> InlineLimitKib { get; } = new("--inline-limit-kib")
    {
        Description = "Evidence larger than this (KiB) leaves the page for the run's artifacts folder (binary: a download; text: an excerpt and a link).",
        DefaultValueFactory = _ => (int)(AttachmentPolicy.Default.InlineLimitBytes / 1024),
    };

    public Option<int> MaxMessageMib { get; } = new("--max-message-mib")
    {
        Description = "Longest single message accepted (MiB); a longer line is an error, not an allocation.",
        DefaultValueFactory = _ => MessageStreamReaderOptions.DefaultMaxMessageBytes / (1024 * 1024),
    };

    /// <summary>The environment variable that sets <see cref="KeepRuns"/>'s default.</summary>
    public const string KeepRunsVariable = "ALPY_KEEP_RUNS";

    public Option<int> KeepRuns { get; } = new("--keep-runs")
    {
        Description = $"How many runs <reports>/runs keeps, this one included; older runs and the lab run folders only they show are deleted (default ${KeepRunsVariable}, else 10; 0 keeps all).",
        // An unreadable value becomes -1, which ToRequest refuses with a message naming both spellings.
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(KeepRunsVariable) is { Length: > 0 } value
            ? int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var keep) ? keep : -1
            : 10,
    };

    public Option<int> MaxFailures { get; } = new("--max-failures")
    {
        Description = "Failed scenarios listed in the console summary (the report lists all).",
        DefaultValueFactory = _ => 8,
    };

    public void AddTo(Command command)
    {
        command.Add(Reports);
        command.Add(RunDirectory);
        command.Add(RunId);
        command.Add(Title);
        command.Add(LabRuns);
        command.Add(InlineLimitKib);
        command.Add(MaxMessageMib);
        command.Add(KeepRuns);
        command.Add(MaxFailures);
    }

    public ReportRequest ToRequest(ParseResult parse, IReadOnlyList<string> streams, int? expectedShards = null)
    {
        var inlineKib = parse.GetValue(InlineLimitKib);
        var maxMib = parse.GetValue(MaxMessageMib);
        if (inlineKib < 1 || maxMib is < 1 or > 2047)
        {
            throw new ArgumentException("--inline-limit-kib must be at least 1, and --max-message-mib between 1 and 2047.");
        }

        if (parse.GetValue(KeepRuns) < 0)
        {
            throw new ArgumentException($"--keep-runs (default ${KeepRunsVariable}) must be a number of runs, 0 or more (0 keeps every run); "
                + $"{KeepRunsVariable} is \"{Environment.GetEnvironmentVariable(KeepRunsVariable)}\".");
        }

        var inlineBytes = inlineKib * 1024L;
        return new ReportRequest
        {
            Streams = streams,
            ReportsDirectory = parse.GetValue(Reports)!,
            RunDirectory = parse.GetValue(RunDirectory),
            RunId = parse.GetValue(RunId),
            Title = parse.GetValue(Title)!,
            LabRunsDirectory = parse.GetValue(LabRuns),
            ExpectedShards = expectedShards,
            KeepRuns = parse.GetValue(KeepRuns),
            Attachments = AttachmentPolicy.Default with
            {
                InlineLimitBytes = inlineBytes,
                InlineTextLimitBytes = inlineBytes,
                TextExcerptChars = (int)Math.Clamp(inlineBytes / 4, 256, AttachmentPolicy.Default.TextExcerptChars),
            },
            Reader = new MessageStreamReaderOptions { MaxMessageBytes = maxMib * 1024 * 1024 },
        };
    }
}
