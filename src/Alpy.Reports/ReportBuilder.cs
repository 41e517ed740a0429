using System.Runtime.CompilerServices;
using Alpy.Reports.Attachments;
using Alpy.Reports.Html;
using Alpy.Reports.Index;
using Alpy.Reports.IO;
using Alpy.Reports.JUnit;
using Alpy.Reports.Merge;
using Alpy.Reports.Messages;
using Alpy.Reports.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Envelope = Io.Cucumber.Messages.Types.Envelope;

namespace Alpy.Reports;

/// <summary>
/// Turns a run's message stream (or its shards' streams) into a run folder: the official Cucumber
/// HTML report, the published NDJSON stream, JUnit XML, summary.json, an index page, and the evidence
/// files the report links to; then updates the reports folder's index and its <c>latest</c> link.
/// Everything is read in one streaming pass; each file appears only when complete, and a stream that
/// turns out corrupt leaves no new run folder behind.
/// </summary>
public sealed class ReportBuilder(ILogger<ReportBuilder>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ReportBuilder>.Instance;

    public async Task<ReportResult> BuildAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        foreach (var stream in request.Streams)
        {
            MessageStreamReader.ThrowIfMissing(stream);
        }

        var runId = request.RunId ?? RunIdFromEnvironment() ?? NewRunId();
        var reportsDirectory = Path.GetFullPath(request.ReportsDirectory);
        var runDirectory = Path.GetFullPath(request.RunDirectory ?? Path.Combine(reportsDirectory, ReportsIndex.RunsFolder, runId));
        var created = ReportFolder.TopmostMissing(runDirectory);
        try
        {
            ReportFolder.EnsureWritable(runDirectory);
            return await WriteRunAsync(request, runId, reportsDirectory, runDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch when (created is not null)
        {
            TryDeleteFolder(created);
            throw;
        }
    }

    private async Task<ReportResult> WriteRunAsync(ReportRequest request, string runId,
        string reportsDirectory, string runDirectory, CancellationToken cancellationToken)
    {
        var externalizer = new AttachmentExternalizer(runDirectory, request.Attachments);
        var builder = new RunResultBuilder();
        var merger = request.Streams.Count > 1 || request.ExpectedShards is not null ? new ShardMerger(request.Streams, request.ExpectedShards, request.Reader) : null;
        var single = merger is null ? new MessageStreamReader(request.Streams[0], request.Reader) : null;

        await using var html = HtmlReportWriter.Create(Path.Combine(runDirectory, RunFolderLayout.Html), $"{request.Title} · run {runId}");
        await using var ndjson = NdjsonFile.Create(Path.Combine(runDirectory, RunFolderLayout.Messages));

        var source = merger?.MergeAsync(cancellationToken) ?? ReadSingle(single!, cancellationToken);
        async Task PublishAsync(Envelope envelope, long? movedBytes)
        {
            builder.Add(envelope, movedBytes);
            await html.WriteAsync(ReadableExceptions.Complete(envelope)).ConfigureAwait(false);
            ndjson.Write(envelope);
        }

        try
        {
            await foreach (var (envelope, directory) in source.ConfigureAwait(false))
            {
                var (published, link, movedBytes) = await externalizer.ProcessAsync(envelope, directory, cancellationToken).ConfigureAwait(false);
                await PublishAsync(published, movedBytes).ConfigureAwait(false);
                if (link is not null)
                {
                    await PublishAsync(link, null).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            externalizer.DeleteWritten();
            throw;
        }

        var run = builder.Build(single?.TruncatedTailBytes ?? 0);
        var generatedAt = DateTimeOffset.UtcNow;
        var summary = RunSummary.From(run, runId, request.Title, generatedAt);
        var labRunsDirectory = request.LabRunsDirectory ?? Environment.GetEnvironmentVariable("ALPY_ARTIFACTS") ?? Path.Combine(reportsDirectory, ReportsIndex.RunsFolder);
        var (labs, labWarnings) = await LabRun.FindAsync(runDirectory, labRunsDirectory, run.StartedAt, run.FinishedAt, cancellationToken).ConfigureAwait(false);
        var isUnderReports = Path.GetDirectoryName(runDirectory) == Path.Combine(reportsDirectory, ReportsIndex.RunsFolder);

        await html.CompleteAsync(ReportBanner.Script(request.Title, runId, RunFolderLayout.Index, run.Status, run.Problems), cancellationToken).ConfigureAwait(false);
        await ndjson.CommitAsync(cancellationToken).ConfigureAwait(false);
        await JUnitWriter.WriteAsync(run, Path.Combine(runDirectory, RunFolderLayout.JUnit),
            new JUnitOptions { Name = request.Title, ReportLocation = Shorten(Path.Combine(runDirectory, RunFolderLayout.Html)) }, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(runDirectory, RunSummary.FileName), summary.ToJson(), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(runDirectory, RunFolderLayout.Index),
            RunIndexPage.Render(run, summary, labs, labWarnings, runDirectory, isUnderReports), cancellationToken).ConfigureAwait(false);

        var warnings = new List<string>(externalizer.Warnings);
        warnings.AddRange(merger?.Warnings ?? []);
        if (single?.UnknownKinds is { Count: > 0 } unknown)
        {
            warnings.Add($"{single.Path} holds messages of kinds Cucumber.Messages does not know; they were left out: {string.Join(", ", unknown.Select(k => $"{k.Value} {k.Key}"))}.");
        }

        warnings.AddRange(labWarnings);

        if (isUnderReports)
        {
            warnings.AddRange(await ReportsIndex.UpdateAsync(reportsDirectory, runId, request.KeepRuns, cancellationToken).ConfigureAwait(false));
        }

        Log.StreamRead(_logger, builder.Count, request.Streams.Count, externalizer.FilesWritten);
        foreach (var warning in warnings)
        {
            Log.ReportWarning(_logger, warning);
        }

        Log.ReportWritten(_logger, runId, runDirectory, run.Totals.ToClosingLine(), summary.Status);
        return new ReportResult
        {
            Run = run,
            Summary = summary,
            RunDirectory = runDirectory,
            Shards = merger?.Shards ?? [],
            Warnings = warnings,
        };
    }

    private static async IAsyncEnumerable<SourcedEnvelope> ReadSingle(MessageStreamReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(reader.Path))!;
        await foreach (var envelope in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new SourcedEnvelope(envelope, directory);
        }
    }

    private static string? RunIdFromEnvironment() =>
        Environment.GetEnvironmentVariable(ReportRequest.RunIdEnvironmentVariable) is { Length: > 0 } id ? id : null;

    /// <summary>A new run id: the time (UTC) and a little randomness, e.g. 20261121-210502-3fa1.</summary>
    public static string NewRunId() =>
        $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 2))}";

    // Failure texts name the report as a path from where the command runs (the repository in CI).
    private static string Shorten(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static void TryDeleteFolder(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The failure being reported matters more; the folder is named after its run.
        }
    }
}
