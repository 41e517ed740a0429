using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Alpy.Reports.Messages;

namespace Alpy.Reports.Merge;

/// <summary>
/// Combines the message streams of the shards of one suite (each CI job ran "shard i of N") into one
/// stream that reads as if one machine had run everything: one copy of each feature, pickle, step
/// definition and hook; every shard's executions with ids that cannot collide; one testRunStarted
/// (the earliest) and one testRunFinished (the latest, successful only if every shard was).
/// Refuses what would give wrong totals: a scenario that ran in two shards, a missing shard, shards
/// that ran different versions of a feature. A shard cut short leaves the merged stream without
/// testRunFinished, so the merged report says INCOMPLETE instead of presenting partial results as whole.
/// Reads each stream twice (definitions first, then executions), so memory holds definitions only.
/// </summary>
public sealed class ShardMerger
{
    private const string MergedRunId = "merged-run";

    private readonly IReadOnlyList<string> _paths;
    private readonly MessageStreamReaderOptions _readerOptions;
    private readonly Dictionary<string, (int Shard, string Name)> _ranIn = new(StringComparer.Ordinal);
    private readonly List<IdRemapper> _remappers = [];
    private readonly List<ShardInfo> _shards = [];
    private readonly List<string> _warnings = [];
    private readonly List<(int Shard, JsonObject Finished)> _finished = [];
    private readonly SuiteDefinitions _definitions = new();
    private JsonObject? _earliestStart;

    /// <param name="paths">The shards' streams, in shard order.</param>
    /// <param name="expectedShards">How many shards the CI matrix ran; fewer streams is an error (a job's upload is missing).</param>
    /// <param name="readerOptions">Limits for reading each stream.</param>
    public ShardMerger(IReadOnlyList<string> paths, int? expectedShards = null, MessageStreamReaderOptions? readerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ReportException("No shard streams to merge: give the messages.ndjson of every shard (files or folders holding them).");
        }

        if (expectedShards is { } expected && expected != paths.Count)
        {
            throw new ReportException(
                $"Expected {expected} shard streams but got {paths.Count} ({string.Join(", ", paths)}). " +
                "A shard's job failed or did not upload its messages; merging the rest would present part of the suite as all of it. " +
                "Re-run the missing shard, or check the artifact names the merge job downloads.");
        }

        var duplicate = paths.GroupBy(p => Path.GetFullPath(p), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ReportException($"{duplicate.Key} is given {duplicate.Count()} times; each shard's stream must be merged once.");
        }

        _paths = paths;
        _readerOptions = readerOptions ?? MessageStreamReaderOptions.Default;
    }

    /// <summary>Each shard's contribution, known once merging has begun.</summary>
    public IReadOnlyList<ShardInfo> Shards => _shards;

    /// <summary>Things people should know that do not stop the merge (e.g. shards written by different runner versions).</summary>
    public IReadOnlyList<string> Warnings => [.. _definitions.Warnings, .. _warnings];

    /// <summary>Every shard ended with testRunFinished.</summary>
    public bool IsComplete => _shards.Count == _paths.Count && _shards.All(s => s.Complete);

    /// <summary>The merged stream, envelope by envelope. Enumerate once.</summary>
    public async IAsyncEnumerable<SourcedEnvelope> MergeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < _paths.Count; i++)
        {
            await ReadFirstPassAsync(i, cancellationToken).ConfigureAwait(false);
        }

        var firstDirectory = DirectoryOf(_paths[0]);
        foreach (var definition in _definitions.InOrder)
        {
            yield return new SourcedEnvelope(definition, firstDirectory);
        }

        if (_earliestStart is not null)
        {
            yield return new SourcedEnvelope(new Envelope(MessageKinds.TestRunStarted, new JsonObject
            {
                ["id"] = MergedRunId,
                ["timestamp"] = _earliestStart.DeepClone(),
            }), firstDirectory);
        }

        for (var i = 0; i < _paths.Count; i++)
        {
            var reader = new MessageStreamReader(_paths[i], _readerOptions);
            var directory = DirectoryOf(_paths[i]);
            await foreach (var envelope in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (MessageKinds.IsDefinition(envelope.Kind) || envelope.Kind is MessageKinds.TestRunStarted or MessageKinds.TestRunFinished)
                {
                    continue;
                }

                _remappers[i].Apply(envelope.Message);
                yield return new SourcedEnvelope(envelope.Changed(), directory);
            }
        }

        if (IsComplete)
        {
            yield return new SourcedEnvelope(new Envelope(MessageKinds.TestRunFinished, MergedFinish()), firstDirectory);
        }
    }

    private async Task ReadFirstPassAsync(int shard, CancellationToken cancellationToken)
    {
        var path = _paths[shard];
        var remap = new IdRemapper($"s{shard + 1}-");
        _remappers.Add(remap);
        var testCasePickles = new Dictionary<string, string>(StringComparer.Ordinal);
        var started = false;
        var ran = 0;
        JsonObject? finished = null;

        var reader = new MessageStreamReader(path, _readerOptions);
        await foreach (var envelope in reader.ReadAllAsync(NeededForDefinitions, cancellationToken).ConfigureAwait(false))
        {
            var message = envelope.Message;
            switch (envelope.Kind)
            {
                case var kind when MessageKinds.IsDefinition(kind):
                    _definitions.Add(envelope, remap, path);
                    break;
                case MessageKinds.TestRunStarted:
                    started = true;
                    remap.Alias(envelope.GetString("id") ?? "", MergedRunId);
                    KeepEarliest(message["timestamp"] as JsonObject);
                    break;
                case MessageKinds.TestCase:
                    testCasePickles[envelope.GetString("id") ?? ""] = remap.Map(envelope.GetString("pickleId") ?? "");
                    break;
                case MessageKinds.TestCaseStarted:
                    if (testCasePickles.TryGetValue(envelope.GetString("testCaseId") ?? "", out var pickle) && CountRun(pickle, shard))
                    {
                        ran++;
                    }

                    break;
                case MessageKinds.TestRunFinished:
                    finished = message;
                    break;
                default:
                    break;
            }
        }

        var complete = started && finished is not null;
        if (!complete)
        {
            _warnings.Add($"Shard {shard + 1} ({path}) ends before testRunFinished: that job was cut short, so the merged report is INCOMPLETE. Re-run that shard.");
        }
        else
        {
            _finished.Add((shard, finished!));
        }

        _shards.Add(new ShardInfo(shard + 1, path, ran, complete, complete && finished!["success"] is JsonValue success && success.TryGetValue(out bool ok) && ok));
    }

    // The first pass needs definitions and what tells which shard ran which scenario; step results and
    // attachments, the bulk of a stream, wait for the second pass.
    private static bool NeededForDefinitions(string kind) => MessageKinds.IsDefinition(kind)
        || kind is MessageKinds.TestRunStarted or MessageKinds.TestCase or MessageKinds.TestCaseStarted or MessageKinds.TestRunFinished;

    private bool CountRun(string pickleId, int shard)
    {
        if (_ranIn.TryGetValue(pickleId, out var earlier))
        {
            if (earlier.Shard != shard)
            {
                throw new ReportException(
                    $"Scenario {earlier.Name} ran in shard {earlier.Shard + 1} ({_paths[earlier.Shard]}) and in shard {shard + 1} ({_paths[shard]}). " +
                    "The shards overlap, so merged totals would count it twice. Give every job a different alpy run --shard i/N with the same N.");
            }

            return false; // A retry of the same scenario in the same shard.
        }

        _ranIn[pickleId] = (shard, _definitions.NameOf(pickleId));
        return true;
    }

    private void KeepEarliest(JsonObject? timestamp)
    {
        if (timestamp is not null && (_earliestStart is null || Seconds(timestamp) < Seconds(_earliestStart)))
        {
            _earliestStart = timestamp;
        }
    }

    private JsonObject MergedFinish()
    {
        var latest = _finished.Select(f => f.Finished["timestamp"] as JsonObject).Where(t => t is not null).MaxBy(t => Seconds(t!));
        var finish = new JsonObject
        {
            ["testRunStartedId"] = MergedRunId,
            ["timestamp"] = latest?.DeepClone() ?? new JsonObject { ["seconds"] = 0, ["nanos"] = 0 },
            ["success"] = _shards.All(s => s.Success),
        };
        var messages = _finished
            .Where(f => f.Finished["message"]?.ToString() is { Length: > 0 })
            .Select(f => $"shard {f.Shard + 1}: {f.Finished["message"]}")
            .ToList();
        if (messages.Count > 0)
        {
            finish["message"] = string.Join("\n", messages);
        }

        if (_finished.Select(f => f.Finished["exception"]).FirstOrDefault(e => e is not null) is { } exception)
        {
            finish["exception"] = exception.DeepClone();
        }

        return finish;
    }

    private static double Seconds(JsonObject timestamp) => Number(timestamp["seconds"]) + (Number(timestamp["nanos"]) / 1e9);

    private static double Number(JsonNode? node) => node is JsonValue value && value.TryGetValue(out double number) ? number : 0;

    private static string DirectoryOf(string path) => Path.GetDirectoryName(Path.GetFullPath(path))!;
}
