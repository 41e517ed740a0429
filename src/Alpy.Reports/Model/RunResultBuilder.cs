using System.Text;
using Alpy.Reports.Messages;
using Cucumber.Messages;
using Io.Cucumber.Messages.Types;
using Envelope = Io.Cucumber.Messages.Types.Envelope;

namespace Alpy.Reports.Model;

/// <summary>
/// Folds a message stream, envelope by envelope, into a <see cref="RunResult"/>. Keeps what summaries
/// need (names, locations, statuses, attachment metadata), never attachment bodies, so memory stays
/// proportional to the number of scenarios and steps, not to the evidence. Messages may come in any
/// order a runner writes them (Reqnroll runs features in parallel and interleaves their messages).
/// </summary>
public sealed class RunResultBuilder
{
    private readonly GherkinIndex _gherkin = new();
    private readonly List<Pickle> _pickles = [];
    private readonly Dictionary<string, Hook> _hooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TestCase> _testCases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TestCase> _testCaseByPickle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Attempt> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Attempt>> _attemptsByTestCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunHookRun> _runHooks = new(StringComparer.Ordinal);
    private readonly List<RunHookRun> _runHookOrder = [];
    private readonly Dictionary<string, string> _snippets = new(StringComparer.Ordinal);
    private Meta? _meta;
    private TestRunStarted? _started;
    private TestRunFinished? _finished;

    /// <summary>Reads a whole message stream into its <see cref="RunResult"/> (a report's analysis without the report).</summary>
    /// <exception cref="MessageStreamException">The stream is missing or a line is not a message; the message says where.</exception>
    public static async Task<RunResult> ReadAsync(string path, MessageStreamReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var reader = new MessageStreamReader(path, options);
        var builder = new RunResultBuilder();
        await foreach (var envelope in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            builder.Add(envelope.Envelope);
        return builder.Build(reader.TruncatedTailBytes);
    }

    /// <summary>Envelopes added so far.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the next envelope of the stream.</summary>
    /// <param name="envelope">The envelope, as it will be published.</param>
    /// <param name="attachmentSizeBytes">For an attachment whose body was moved to a file: the file's size.</param>
    public void Add(Envelope envelope, long? attachmentSizeBytes = null)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        Count++;
        switch (envelope)
        {
            case { Meta: { } meta }: _meta = meta; break;
            case { GherkinDocument: { } document }: _gherkin.Add(document); break;
            case { Pickle: { } pickle }: _pickles.Add(pickle); break;
            case { Hook: { } hook }: _hooks[hook.Id] = hook; break;
            case { TestRunStarted: { } started }: _started = started; break;
            case { TestCase: { } testCase }: AddTestCase(testCase); break;
            case { TestCaseStarted: { } started }: AddAttempt(started); break;
            case { TestStepFinished: { } finished }: AddStepResult(finished); break;
            case { TestCaseFinished: { } finished }: FinishAttempt(finished); break;
            case { TestRunHookStarted: { } started }: StartRunHook(started); break;
            case { TestRunHookFinished: { } finished }: FinishRunHook(finished); break;
            case { Attachment: { } attachment }: AddAttachment(attachment, attachmentSizeBytes); break;
            case { Suggestion: { } suggestion }: AddSuggestion(suggestion); break;
            case { TestRunFinished: { } finished }: _finished = finished; break;
            default: break; // Kinds a report does not summarise (sources, step definitions, ...) pass through.
        }
    }

    /// <summary>The run as read so far; complete only when testRunFinished was added.</summary>
    /// <param name="truncatedTailBytes">Bytes of a cut-off last line the reader dropped, to mention in the problems.</param>
    public RunResult Build(long truncatedTailBytes = 0)
    {
        var scenariosByUri = _pickles
            .GroupBy(p => p.Uri, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(BuildScenario).ToList(), StringComparer.Ordinal);

        var uris = _gherkin.Uris.Concat(scenariosByUri.Keys).Distinct(StringComparer.Ordinal);
        var features = uris
            .Select(uri => _gherkin.Feature(uri, scenariosByUri.TryGetValue(uri, out var s) ? s : []))
            .Where(f => f.Scenarios.Count > 0 || f.Name.Length > 0)
            .ToList();
        var hooks = _runHookOrder.Select(BuildRunHook).ToList();

        return new RunResult
        {
            Features = features,
            TestRunHooks = hooks,
            Implementation = _meta?.Implementation is { } impl ? $"{impl.Name} {impl.Version}".TrimEnd() : null,
            ProtocolVersion = _meta?.ProtocolVersion,
            StartedAt = At(_started?.Timestamp),
            FinishedAt = At(_finished?.Timestamp),
            IsComplete = _started is not null && _finished is not null,
            RunnerReportedSuccess = _finished?.Success ?? false,
            Problems = RunProblems.Describe(_started is not null, _finished, features, hooks, truncatedTailBytes),
        };
    }

    private void AddTestCase(TestCase testCase)
    {
        _testCases[testCase.Id] = testCase;
        _testCaseByPickle[testCase.PickleId] = testCase;
    }

    private void AddAttempt(TestCaseStarted started)
    {
        var attempt = new Attempt(started);
        _attempts[started.Id] = attempt;
        if (!_attemptsByTestCase.TryGetValue(started.TestCaseId, out var list))
        {
            _attemptsByTestCase[started.TestCaseId] = list = [];
        }

        list.Add(attempt);
    }

    private void AddStepResult(TestStepFinished finished)
    {
        if (_attempts.TryGetValue(finished.TestCaseStartedId, out var attempt))
        {
            attempt.Results[finished.TestStepId] = finished.TestStepResult;
        }
    }

    private void FinishAttempt(TestCaseFinished finished)
    {
        if (_attempts.TryGetValue(finished.TestCaseStartedId, out var attempt))
        {
            attempt.Finished = finished;
        }
    }

    private void StartRunHook(TestRunHookStarted started)
    {
        var run = new RunHookRun(started);
        _runHooks[started.Id] = run;
        _runHookOrder.Add(run);
    }

    private void FinishRunHook(TestRunHookFinished finished)
    {
        if (_runHooks.TryGetValue(finished.TestRunHookStartedId, out var run))
        {
            run.Result = finished.Result;
        }
    }

    private void AddSuggestion(Suggestion suggestion)
    {
        if (suggestion.PickleStepId is { } step && suggestion.Snippets?.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.Code)) is { } snippet)
        {
            _snippets.TryAdd(step, snippet.Code.TrimEnd());
        }
    }

    private void AddAttachment(Attachment attachment, long? sizeBytes)
    {
        var info = new AttachmentInfo(attachment.MediaType, attachment.FileName,
            sizeBytes ?? BodySize(attachment.Body, attachment.ContentEncoding), attachment.Url);

        // Reqnroll writes the ids an attachment does not belong to as empty strings.
        if (attachment.TestRunHookStartedId is { Length: > 0 } hookRunId && _runHooks.TryGetValue(hookRunId, out var hookRun))
        {
            hookRun.Attachments.Add(info);
        }
        else if (attachment.TestCaseStartedId is { Length: > 0 } attemptId && _attempts.TryGetValue(attemptId, out var attempt))
        {
            var key = attachment.TestStepId ?? "";
            if (!attempt.Attachments.TryGetValue(key, out var list))
            {
                attempt.Attachments[key] = list = [];
            }

            list.Add(info);
        }
    }

    private static long? BodySize(string? body, AttachmentContentEncoding encoding)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        if (encoding == AttachmentContentEncoding.BASE64)
        {
            var padding = body.EndsWith("==", StringComparison.Ordinal) ? 2 : body.EndsWith('=') ? 1 : 0;
            return (body.Length * 3L / 4) - padding;
        }

        return Encoding.UTF8.GetByteCount(body);
    }

    private ScenarioResult BuildScenario(Pickle pickle)
    {
        var outline = _gherkin.Describe(pickle);
        var attempts = _testCaseByPickle.TryGetValue(pickle.Id, out var testCase)
            && _attemptsByTestCase.TryGetValue(testCase.Id, out var list) ? list : [];
        var last = attempts.Count == 0 ? null : attempts.MaxBy(a => a.Started.Attempt);
        var steps = last is null ? NotRunSteps(pickle) : BuildSteps(pickle, _testCases[last.Started.TestCaseId], last);
        var status = last is null ? TestStatus.Unknown : steps.Select(s => s.Status).DefaultIfEmpty(TestStatus.Passed).Max();
        if (last is { Finished: null } && status is TestStatus.Passed or TestStatus.Skipped)
        {
            // Cut short while it ran (Reqnroll's stream of a dead test host ends mid-run): only a failure so far is certain.
            status = TestStatus.Unknown;
        }
        var startedAt = At(last?.Started.Timestamp);

        return new ScenarioResult
        {
            Id = pickle.Id,
            Name = pickle.Name ?? "",
            DisplayName = outline.DisplayName,
            Location = new SourceLocation(pickle.Uri, (int?)pickle.Location?.Line ?? outline.Line),
            Tags = pickle.Tags?.Select(t => t.Name).ToList() ?? [],
            Status = status,
            Interrupted = last is { Finished: null },
            Attempts = attempts.Count,
            StartedAt = startedAt,
            Duration = last is null ? TimeSpan.Zero
                : last.Finished is { } f ? At(f.Timestamp)!.Value - startedAt!.Value
                : steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration),
            Steps = steps,
            Attachments = last?.Attachments.GetValueOrDefault("") ?? [],
        };
    }

    private List<StepResult> NotRunSteps(Pickle pickle) =>
        pickle.Steps.Select(step => PickleStepResult(pickle, step, result: null, attachments: [])).ToList();

    private List<StepResult> BuildSteps(Pickle pickle, TestCase testCase, Attempt attempt)
    {
        var steps = new List<StepResult>(testCase.TestSteps.Count);
        var seenPickleStep = false;
        foreach (var testStep in testCase.TestSteps)
        {
            var result = attempt.Results.GetValueOrDefault(testStep.Id);
            var attachments = attempt.Attachments.GetValueOrDefault(testStep.Id) ?? [];
            if (testStep.PickleStepId is { Length: > 0 } pickleStepId && pickle.Steps.FirstOrDefault(s => s.Id == pickleStepId) is { } pickleStep)
            {
                seenPickleStep = true;
                steps.Add(PickleStepResult(pickle, pickleStep, result, attachments));
            }
            else
            {
                steps.Add(HookStepResult(testStep, before: !seenPickleStep, result, attachments));
            }
        }

        return steps;
    }

    private StepResult PickleStepResult(Pickle pickle, PickleStep step, TestStepResult? result, IReadOnlyList<AttachmentInfo> attachments)
    {
        var (keyword, line) = _gherkin.Step(step);
        var status = Status(result);
        return new StepResult
        {
            Keyword = keyword,
            Text = step.Text ?? "",
            Location = new SourceLocation(pickle.Uri, line),
            Status = status,
            Duration = DurationOf(result),
            Message = MessageOf(result),
            ExceptionType = result?.Exception?.Type,
            Snippet = status == TestStatus.Undefined ? _snippets.GetValueOrDefault(step.Id) : null,
            Attachments = attachments,
        };
    }

    private StepResult HookStepResult(TestStep testStep, bool before, TestStepResult? result, IReadOnlyList<AttachmentInfo> attachments)
    {
        var hook = testStep.HookId is { Length: > 0 } id ? _hooks.GetValueOrDefault(id) : null;
        var isBefore = hook?.Type switch
        {
            HookType.BEFORE_TEST_CASE or HookType.BEFORE_TEST_STEP => true,
            HookType.AFTER_TEST_CASE or HookType.AFTER_TEST_STEP => false,
            _ => before,
        };
        return new StepResult
        {
            Keyword = isBefore ? "Before hook" : "After hook",
            Text = NameOf(hook),
            IsHook = true,
            Location = Where(hook?.SourceReference),
            Status = Status(result),
            Duration = DurationOf(result),
            Message = MessageOf(result),
            ExceptionType = result?.Exception?.Type,
            Attachments = attachments,
        };
    }

    private TestRunHookResult BuildRunHook(RunHookRun run)
    {
        var hook = _hooks.GetValueOrDefault(run.Started.HookId);
        return new TestRunHookResult
        {
            Type = hook?.Type.Value() ?? "TEST_RUN",
            Name = NameOf(hook),
            Location = Where(hook?.SourceReference),
            Status = Status(run.Result),
            Duration = DurationOf(run.Result),
            Message = MessageOf(run.Result),
            Attachments = run.Attachments,
        };
    }

    // Reqnroll names no hook; its source reference names the method ("RunHooks.BootLab"), which says which hook it was.
    private static string NameOf(Hook? hook) =>
        hook?.Name is { Length: > 0 } name ? name
        : hook?.SourceReference?.JavaMethod is { MethodName: { Length: > 0 } method } java ? $"{java.ClassName?.Split('.')[^1]}.{method}".TrimStart('.')
        : "";

    private static SourceLocation? Where(SourceReference? reference) =>
        reference?.Uri is { Length: > 0 } uri ? new SourceLocation(uri, (int)(reference.Location?.Line ?? 0)) : null;

    private static TestStatus Status(TestStepResult? result) => result is null ? TestStatus.Unknown : TestStatusExtensions.From(result.Status);

    private static TimeSpan DurationOf(TestStepResult? result) => result?.Duration is { } d ? Converters.ToTimeSpan(d) : TimeSpan.Zero;

    private static DateTimeOffset? At(Timestamp? timestamp) =>
        timestamp is null ? null : new DateTimeOffset(DateTime.SpecifyKind(Converters.ToDateTime(timestamp), DateTimeKind.Utc));

    private static string? MessageOf(TestStepResult? result) =>
        result?.Message is { Length: > 0 } message ? message
        : result?.Exception is { } e ? $"{e.Type}: {e.Message}"
        : null;

    private sealed class Attempt(TestCaseStarted started)
    {
        public TestCaseStarted Started { get; } = started;
        public Dictionary<string, TestStepResult> Results { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<AttachmentInfo>> Attachments { get; } = new(StringComparer.Ordinal);
        public TestCaseFinished? Finished { get; set; }
    }

    private sealed class RunHookRun(TestRunHookStarted started)
    {
        public TestRunHookStarted Started { get; } = started;
        public TestStepResult? Result { get; set; }
        public List<AttachmentInfo> Attachments { get; } = [];
    }
}
