using System.Text.Json;

namespace Alpy.Specs.Tests.Support;

/// <summary>
/// Reads a run's Cucumber Messages stream: for each scenario (by pickle name), the steps that did not pass, each with
/// its status, its text, where it is in its feature file (uri:line) and its message. This is what the report shows.
/// </summary>
internal static class StepOutcomes
{
    public static async Task<IReadOnlyDictionary<string, List<StepOutcome>>> ReadAsync(string stream)
    {
        var stepLines = new Dictionary<string, int>();
        var pickles = new Dictionary<string, (string Name, string Uri, Dictionary<string, (string Text, string AstId)> Steps)>();
        var testSteps = new Dictionary<string, (string Pickle, string PickleStep)>();
        var started = new Dictionary<string, string>();
        var outcomes = new Dictionary<string, List<StepOutcome>>();
        foreach (var line in await File.ReadAllLinesAsync(stream, TestContext.Current.CancellationToken))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("gherkinDocument", out var document))
                CollectStepLines(document, stepLines);
            else if (root.TryGetProperty("pickle", out var pickle))
            {
                pickles[pickle.GetProperty("id").GetString()!] = (pickle.GetProperty("name").GetString()!, pickle.GetProperty("uri").GetString()!,
                    pickle.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!,
                        s => (s.GetProperty("text").GetString()!, s.GetProperty("astNodeIds")[0].GetString()!)));
            }
            else if (root.TryGetProperty("testCase", out var testCase))
            {
                foreach (var step in testCase.GetProperty("testSteps").EnumerateArray().Where(s => s.TryGetProperty("pickleStepId", out _)))
                    testSteps[step.GetProperty("id").GetString()!] = (testCase.GetProperty("pickleId").GetString()!, step.GetProperty("pickleStepId").GetString()!);
            }
            else if (root.TryGetProperty("testCaseStarted", out var caseStarted))
                started[caseStarted.GetProperty("id").GetString()!] = caseStarted.GetProperty("testCaseId").GetString()!;
            else if (root.TryGetProperty("testStepFinished", out var finished)
                     && testSteps.TryGetValue(finished.GetProperty("testStepId").GetString()!, out var step)
                     && finished.GetProperty("testStepResult") is var result
                     && result.GetProperty("status").GetString() is var status and not "PASSED")
            {
                var (name, uri, steps) = pickles[step.Pickle];
                var (text, astId) = steps[step.PickleStep];
                var message = result.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                (outcomes.TryGetValue(name, out var list) ? list : outcomes[name] = []).Add(new StepOutcome(status!, text, $"{uri}:{stepLines[astId]}", message));
            }
        }

        return outcomes;
    }

    private static void CollectStepLines(JsonElement element, Dictionary<string, int> lines)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("keyword", out _) && element.TryGetProperty("text", out _) && element.TryGetProperty("id", out var id)
                && element.TryGetProperty("location", out var location))
                lines[id.GetString()!] = location.GetProperty("line").GetInt32();
            foreach (var property in element.EnumerateObject())
                CollectStepLines(property.Value, lines);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                CollectStepLines(item, lines);
        }
    }
}

/// <summary>A step that did not pass: its status (FAILED, UNDEFINED, SKIPPED ...), text, uri:line and message.</summary>
internal sealed record StepOutcome(string Status, string Text, string Location, string Message);
