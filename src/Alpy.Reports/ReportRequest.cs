using Alpy.Reports.Attachments;
using Alpy.Reports.Messages;

namespace Alpy.Reports;

/// <summary>What to report on and where to put it.</summary>
public sealed record ReportRequest
{
    /// <summary>Environment variable naming the run id when none is given (so the lab and the report agree on one run folder).</summary>
    public const string RunIdEnvironmentVariable = "ALPY_RUN_ID";

    /// <summary>One message stream, or the streams of several shards of one suite, merged into one report.</summary>
    public required IReadOnlyList<string> Streams { get; init; }

    /// <summary>The reports folder; runs go to &lt;reports&gt;/runs/&lt;run id&gt;/, and &lt;reports&gt;/index.html lists them.</summary>
    public string ReportsDirectory { get; init; } = "reports";

    /// <summary>The run folder (e.g. the one the lab already wrote evidence to); default &lt;reports&gt;/runs/&lt;run id&gt;.</summary>
    public string? RunDirectory { get; init; }

    /// <summary>The run's id; default $ALPY_RUN_ID, else the time of the report (yyyyMMdd-HHmmss-xxxx).</summary>
    public string? RunId { get; init; }

    /// <summary>Shown on every page.</summary>
    public string Title { get; init; } = "Alpy.Specs";

    /// <summary>For merges: how many shards ran; a different number of streams is an error.</summary>
    public int? ExpectedShards { get; init; }

    /// <summary>Where the lab writes its run folders (with lab.json); default $ALPY_ARTIFACTS, else &lt;reports&gt;/runs.</summary>
    public string? LabRunsDirectory { get; init; }

    public AttachmentPolicy Attachments { get; init; } = AttachmentPolicy.Default;

    /// <summary>
    /// How many runs <c>reports/runs/</c> keeps, this one included (older runs, and the lab run folders only they
    /// show, are deleted when this one is written); 0 keeps every run. Default 0 here; the <c>alpy</c> command's is 10.
    /// </summary>
    public int KeepRuns { get; init; }

    public MessageStreamReaderOptions Reader { get; init; } = MessageStreamReaderOptions.Default;

    public void Validate()
    {
        if (Streams is null || Streams.Count == 0 || Streams.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one message stream (a messages.ndjson written by Reqnroll's message formatter).", nameof(Streams));
        }

        if (string.IsNullOrWhiteSpace(ReportsDirectory))
        {
            throw new ArgumentException("ReportsDirectory is empty; give a folder such as 'reports'.", nameof(ReportsDirectory));
        }

        if (RunId is { } id && (id.Length is 0 or > 100 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || id.StartsWith('.')))
        {
            throw new ArgumentException($"Run id '{id}' may hold only letters, digits, '-', '_' and '.', must not start with '.', and is at most 100 characters.", nameof(RunId));
        }

        if (ExpectedShards is < 1 or > Merge.ShardSpec.MaxCount)
        {
            throw new ArgumentException($"ExpectedShards is {ExpectedShards}; it must be between 1 and {Merge.ShardSpec.MaxCount}.", nameof(ExpectedShards));
        }

        if (KeepRuns < 0)
        {
            throw new ArgumentException($"KeepRuns is {KeepRuns}; give the number of runs to keep, or 0 to keep all.", nameof(KeepRuns));
        }

        Attachments.Validate();
        Reader.Validate();
    }
}
