using System.Text;
using Alpy.Reports.Messages;
using Alpy.Reports.Messages.Protocol;

namespace Alpy.Reports.Model;

/// <summary>
/// Folds a message stream, envelope by envelope, into a <see cref="RunResult"/>. Keeps what summaries
/// need (names, locations, statuses, attachment metadata), never attachment bodies, so memory stays
/// proportional to the number of scenarios and steps, not to the evidence.
/// </summary>
public sealed class RunResultBuilder
{
    private readonly string _path;
    private readonly GherkinIndex _gherkin = new();
    private readonly List<Pickle> _pickles = [];
    private readonly Dictionary<string, Hook> _hooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TestCase> _testCases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TestCase> _testCaseByPickle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Attempt> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Attempt>> _attemptsByTestCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunHookRun> _runHooks = new(StringComparer.Ordinal);
    private readonly List<RunHookRun> _runHookOrder = [];
    private Meta? _meta;
    private TestRunStarted? _started;
    private TestRunFinished? _finished;

    /// <param name="path">The stream's path, for error messages.</param>
    public RunResultBuilder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
    }

    /// <summary>Reads a whole message stream into its <see cref="RunResult"/> (a report's analysis without the report).</summary>
    /// <exception cref="ReportException">The stream is missing or a line is not a message; the message says where.</exception>
    public static async Task<RunResult> ReadAsync(string path, MessageStreamReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var reader = new MessageStreamReader(path, options);
        var builder = new RunResultBuilder(path);
        await foreach (var envelope in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            builder.Add(envelope);
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
        switch (envelope.Kind)
        {
            case MessageKinds.Meta: _meta = Read<Meta>(envelope); break;
            case MessageKinds.GherkinDocument: _gherkin.Add(Read<GherkinDocument>(envelope)); break;
            case MessageKinds.Pickle: _pickles.Add(Read<Pickle>(envelope)); break;
            case MessageKinds.Hook: AddHook(Read<Hook>(envelope)); break;
            case MessageKinds.TestRunStarted: _started = Read<TestRunStarted>(envelope); break;
            case MessageKinds.TestCase: AddTestCase(Read<TestCase>(envelope)); break;
            case MessageKinds.TestCaseStarted: AddAttempt(Read<TestCaseStarted>(envelope)); break;
            case MessageKinds.TestStepFinished: AddStepResult(Read<TestStepFinished>(envelope)); break;
            case MessageKinds.TestCaseFinished: FinishAttempt(Read<TestCaseFinished>(envelope)); break;
            case MessageKinds.TestRunHookStarted: StartRunHook(Read<TestRunHookStarted>(envelope)); break;
            case MessageKinds.TestRunHookFinished: FinishRunHook(Read<TestRunHookFinished>(envelope)); break;
            case MessageKinds.Attachment: AddAttachment(envelope, attachmentSizeBytes); break;
            case MessageKinds.TestRunFinished: _finished = Read<TestRunFinished>(envelope); break;
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
            StartedAt = _started?.Timestamp.ToDateTimeOffset(),
            FinishedAt = _finished?.Timestamp?.ToDateTimeOffset(),
            IsComplete = _started is not null && _finished is not null,
            RunnerReportedSuccess = _finished?.Success ?? false,
            Problems = RunProblems.Describe(_started is not null, _finished, features, hooks, truncatedTailBytes),
        };
    }

    private T Read<T>(Envelope envelope)
        where T : class => ProtocolJson.Read<T>(envelope, _path);

    private void AddHook(Hook hook) => _hooks[hook.Id] = hook;

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

    private void AddAttachment(Envelope envelope, long? sizeBytes)
    {
        var attachment = Read<Messages.Protocol.Attachment>(envelope);
        var info = new AttachmentInfo(attachment.MediaType, attachment.FileName,
            sizeBytes ?? BodySize(envelope.GetString("body"), attachment.ContentEncoding), attachment.Url);

        if (attachment.TestRunHookStartedId is { } hookRunId && _runHooks.TryGetValue(hookRunId, out var hookRun))
        {
            hookRun.Attachments.Add(info);
        }
        else if (attachment.TestCaseStartedId is { } attemptId && _attempts.TryGetValue(attemptId, out var attempt))
        {
            var key = attachment.TestStepId ?? "";
            if (!attempt.Attachments.TryGetValue(key, out var list))
            {
                attempt.Attachments[key] = list = [];
            }

            list.Add(info);
        }
    }

    private static long? BodySize(string? body, string encoding)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        if (encoding == "BASE64")
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

        return new ScenarioResult
        {
            Id = pickle.Id,
            Name = pickle.Name,
            DisplayName = outline.DisplayName,
            Location = new SourceLocation(pickle.Uri, pickle.Location?.Line ?? outline.Line),
            Tags = pickle.Tags.Select(t => t.Name).ToList(),
            Status = status,
            Interrupted = last is { Finished: null },
            Attempts = attempts.Count,
            StartedAt = last?.Started.Timestamp.ToDateTimeOffset(),
            Duration = last is null ? TimeSpan.Zero
                : last.Finished is { } f ? f.Timestamp.ToDateTimeOffset() - last.Started.Timestamp.ToDateTimeOffset()
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
            if (testStep.PickleStepId is { } pickleStepId && pickle.Steps.FirstOrDefault(s => s.Id == pickleStepId) is { } pickleStep)
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
        return new StepResult
        {
            Keyword = keyword,
            Text = step.Text,
            Location = new SourceLocation(pickle.Uri, line),
            Status = TestStatusExtensions.Parse(result?.Status),
            Duration = result?.Duration?.ToTimeSpan() ?? TimeSpan.Zero,
            Message = MessageOf(result),
            ExceptionType = result?.Exception?.Type,
            Attachments = attachments,
        };
    }

    private StepResult HookStepResult(TestStep testStep, bool before, TestStepResult? result, IReadOnlyList<AttachmentInfo> attachments)
    {
        var hook = testStep.HookId is { } id ? _hooks.GetValueOrDefault(id) : null;
        var isBefore = hook?.Type switch
        {
            "BEFORE_TEST_CASE" or "BEFORE_TEST_STEP" => true,
            "AFTER_TEST_CASE" or "AFTER_TEST_STEP" => false,
            _ => before,
        };
        return new StepResult
        {
            Keyword = isBefore ? "Before hook" : "After hook",
            Text = hook?.Name ?? "",
            IsHook = true,
            Location = Where(hook?.SourceReference),
            Status = TestStatusExtensions.Parse(result?.Status),
            Duration = result?.Duration?.ToTimeSpan() ?? TimeSpan.Zero,
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
            Type = hook?.Type ?? "TEST_RUN",
            Name = hook?.Name ?? "",
            Location = Where(hook?.SourceReference),
            Status = TestStatusExtensions.Parse(run.Result?.Status),
            Duration = run.Result?.Duration?.ToTimeSpan() ?? TimeSpan.Zero,
            Message = MessageOf(run.Result),
            Attachments = run.Attachments,
        };
    }

    private static SourceLocation? Where(SourceReference? reference) =>
        reference?.Uri is { } uri ? new SourceLocation(uri, reference.Location?.Line ?? 0) : null;

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
