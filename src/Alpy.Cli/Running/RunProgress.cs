using System.Text;
using System.Text.Json.Nodes;
using Alpy.Reports.Messages;

namespace Alpy.Cli.Running;

/// <summary>
/// What a running suite is doing, folded from its message stream as it is written: the test-run hook
/// in progress (the lab's boot happens in BeforeTestRun) with its latest log line, then scenarios done
/// out of scenarios known, the one running now, and failures so far.
/// </summary>
internal sealed class RunProgress
{
    private readonly Dictionary<string, string> _pickleNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _testCasePickles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _attemptPickles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hookNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedAttempts = new(StringComparer.Ordinal);

    public int Scenarios => _pickleNames.Count;

    public int Finished { get; private set; }

    public int Failed { get; private set; }

    /// <summary>The scenario or test-run hook running now, if any.</summary>
    public string? Current { get; private set; }

    /// <summary>The latest log line attached while it runs (e.g. "booting the DUT").</summary>
    public string? LastLog { get; private set; }

    public bool RunFinished { get; private set; }

    /// <summary>Changes whenever something worth a new plain-text progress line happens.</summary>
    public int Version { get; private set; }

    public void Add(Envelope envelope)
    {
        var m = envelope.Message;
        switch (envelope.Kind)
        {
            case MessageKinds.Pickle:
                _pickleNames[Id(m)] = m["name"]?.ToString() ?? "";
                break;
            case MessageKinds.Hook:
                _hookNames[Id(m)] = $"{m["type"]?.ToString() switch { "BEFORE_TEST_RUN" => "BeforeTestRun", "AFTER_TEST_RUN" => "AfterTestRun", var t => t ?? "" }} hook {m["name"]}".Trim();
                break;
            case MessageKinds.TestCase:
                _testCasePickles[Id(m)] = m["pickleId"]?.ToString() ?? "";
                break;
            case MessageKinds.TestRunHookStarted:
                Change(_hookNames.GetValueOrDefault(m["hookId"]?.ToString() ?? "", "test-run hook"));
                break;
            case MessageKinds.TestCaseStarted:
                var pickle = _testCasePickles.GetValueOrDefault(m["testCaseId"]?.ToString() ?? "", "");
                _attemptPickles[Id(m)] = pickle;
                Change($"scenario '{_pickleNames.GetValueOrDefault(pickle, "?")}'");
                break;
            case MessageKinds.TestStepFinished:
                if (m["testStepResult"]?["status"]?.ToString() is "FAILED" or "UNDEFINED" or "AMBIGUOUS" or "PENDING")
                {
                    _failedAttempts.Add(m["testCaseStartedId"]?.ToString() ?? "");
                }

                break;
            case MessageKinds.TestCaseFinished:
                if (!(m["willBeRetried"] is JsonValue retried && retried.TryGetValue(out bool again) && again))
                {
                    Finished++;
                    Failed += _failedAttempts.Contains(m["testCaseStartedId"]?.ToString() ?? "") ? 1 : 0;
                }

                Change(null);
                break;
            case MessageKinds.TestRunHookFinished:
                Change(null);
                break;
            case MessageKinds.Attachment:
                if (LogLine(m) is { } line)
                {
                    LastLog = line;
                }

                break;
            case MessageKinds.TestRunFinished:
                RunFinished = true;
                Change(null);
                break;
            default:
                break;
        }
    }

    /// <summary>"12/40 scenarios, 1 failed · scenario 'Reroute HTTP' · booting the DUT".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Finished).Append('/').Append(Scenarios).Append(" scenarios");
        if (Failed > 0)
        {
            text.Append(", ").Append(Failed).Append(" failed");
        }

        if (Current is not null)
        {
            text.Append(" · ").Append(Current);
        }

        if (LastLog is not null && Current is not null)
        {
            text.Append(" · ").Append(LastLog);
        }

        return text.ToString();
    }

    private void Change(string? current)
    {
        Current = current;
        LastLog = null;
        Version++;
    }

    private static string Id(JsonObject message) => message["id"]?.ToString() ?? "";

    // Only short text logs are progress; evidence (pcaps, long excerpts) is not.
    private static string? LogLine(JsonObject attachment)
    {
        var mediaType = attachment["mediaType"]?.ToString() ?? "";
        var body = attachment["body"]?.ToString() ?? "";
        if (mediaType is not ("text/x.cucumber.log+plain" or "text/plain") || attachment["contentEncoding"]?.ToString() == "BASE64" || body.Length is 0 or > 4096)
        {
            return null;
        }

        var last = body.TrimEnd().Split('\n')[^1].Trim();
        return last.Length > 80 ? last[..79] + "…" : last;
    }
}
