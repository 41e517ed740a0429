using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alpy.Reports.Tests.Support;

internal sealed record FakeAttachment(string MediaType, byte[] Body, string? FileName = null)
{
    public static FakeAttachment Text(string text, string mediaType = "text/plain", string? fileName = null) =>
        new(mediaType, Encoding.UTF8.GetBytes(text), fileName);
}

internal sealed record FakeStep(string Keyword, string Text, string Status = "PASSED", string? Message = null, IReadOnlyList<FakeAttachment>? Attachments = null);

internal sealed record FakeScenario(string Name, IReadOnlyList<FakeStep> Steps, IReadOnlyList<string>? Tags = null);

internal sealed record FakeFeature(string Uri, string Name, IReadOnlyList<FakeScenario> Scenarios, string Description = "");

/// <summary>How a fake run writes its stream.</summary>
internal sealed record FakeRunOptions
{
    /// <summary>Features this run discovers and runs (others are absent, as the runner does outside a shard); default all.</summary>
    public Func<FakeFeature, bool> Runs { get; init; } = _ => true;

    /// <summary>True: every feature is discovered (source, document, pickles) though only <see cref="Runs"/> features run.</summary>
    public bool DiscoverAll { get; init; }

    /// <summary>False: the stream stops before testRunFinished (a run cut short).</summary>
    public bool Finish { get; init; } = true;

    /// <summary>Seconds since the epoch at which the run starts.</summary>
    public long StartSeconds { get; init; } = 1_700_000_000;
}

/// <summary>
/// Writes the Cucumber Messages stream a runner would write for a suite of fake features: meta,
/// source, gherkinDocument, pickles, step definitions, then the run with its step results and
/// attachments. Ids are "0", "1", ... per run (as the CCK's reference implementation writes them), so
/// two shards' streams collide on ids, as real ones may.
/// </summary>
internal sealed class FakeSuite(IReadOnlyList<FakeFeature> features)
{
    private int _nextId;
    private long _clockMillis;

    public IReadOnlyList<FakeFeature> Features { get; } = features;

    public int ScenarioCount => Features.Sum(f => f.Scenarios.Count);

    public void Write(string path, FakeRunOptions? options = null)
    {
        options ??= new FakeRunOptions();
        _nextId = 0;
        _clockMillis = options.StartSeconds * 1000;
        var lines = new List<JsonObject>
        {
            Envelope("meta", new JsonObject
            {
                ["protocolVersion"] = "27.0.0",
                ["implementation"] = new JsonObject { ["name"] = "fake-runner", ["version"] = "1.0.0" },
                ["runtime"] = new JsonObject { ["name"] = ".NET" },
                ["os"] = new JsonObject { ["name"] = "linux" },
                ["cpu"] = new JsonObject { ["name"] = "x64" },
            }),
        };

        var discovered = Features.Where(f => options.DiscoverAll || options.Runs(f)).ToList();
        var plans = discovered.Select(f => (Feature: f, Plans: Describe(f, lines))).Where(p => options.Runs(p.Feature)).Select(p => p.Plans).ToList();
        var stepDefinition = Id();
        lines.Add(Envelope("stepDefinition", new JsonObject
        {
            ["id"] = stepDefinition,
            ["pattern"] = new JsonObject { ["source"] = "^(.*)$", ["type"] = "REGULAR_EXPRESSION" },
            ["sourceReference"] = new JsonObject { ["uri"] = "Steps.cs", ["location"] = new JsonObject { ["line"] = 10 } },
        }));

        var runId = Id();
        lines.Add(Envelope("testRunStarted", new JsonObject { ["id"] = runId, ["timestamp"] = Now() }));
        var success = true;
        foreach (var plan in plans.SelectMany(p => p))
        {
            success &= RunScenario(plan, stepDefinition, runId, lines);
        }

        if (options.Finish)
        {
            lines.Add(Envelope("testRunFinished", new JsonObject { ["testRunStartedId"] = runId, ["timestamp"] = Now(), ["success"] = success }));
        }

        File.WriteAllLines(path, lines.Select(l => l.ToJsonString()));
    }

    private List<(FakeScenario Scenario, string PickleId, string[] StepIds)> Describe(FakeFeature feature, List<JsonObject> lines)
    {
        var source = new StringBuilder($"Feature: {feature.Name}\n");
        if (feature.Description.Length > 0)
        {
            source.Append("  ").Append(feature.Description).Append('\n');
        }

        var line = source.ToString().Count(c => c == '\n') + 1;
        var children = new JsonArray();
        var plans = new List<(FakeScenario, string, string[])>();
        var pickles = new List<JsonObject>();
        foreach (var scenario in feature.Scenarios)
        {
            line++;
            source.Append('\n');
            if (scenario.Tags is { Count: > 0 } tags)
            {
                source.Append("  ").Append(string.Join(' ', tags)).Append('\n');
                line++;
            }

            var scenarioLine = line;
            source.Append("  Scenario: ").Append(scenario.Name).Append('\n');
            var steps = new JsonArray();
            var astStepIds = new List<string>();
            foreach (var step in scenario.Steps)
            {
                line++;
                source.Append("    ").Append(step.Keyword).Append(step.Text).Append('\n');
                var stepId = Id();
                astStepIds.Add(stepId);
                steps.Add(new JsonObject
                {
                    ["id"] = stepId,
                    ["keyword"] = step.Keyword,
                    ["keywordType"] = "Context",
                    ["location"] = Location(line, 5),
                    ["text"] = step.Text,
                });
            }

            line++;
            var scenarioId = Id();
            children.Add(new JsonObject
            {
                ["scenario"] = new JsonObject
                {
                    ["id"] = scenarioId,
                    ["keyword"] = "Scenario",
                    ["location"] = Location(scenarioLine, 3),
                    ["name"] = scenario.Name,
                    ["description"] = "",
                    ["steps"] = steps,
                    ["examples"] = new JsonArray(),
                    ["tags"] = new JsonArray((scenario.Tags ?? []).Select(t => (JsonNode)new JsonObject { ["id"] = Id(), ["name"] = t, ["location"] = Location(scenarioLine - 1, 3) }).ToArray()),
                },
            });

            var pickleStepIds = scenario.Steps.Select(_ => Id()).ToArray();
            var pickleId = Id();
            pickles.Add(new JsonObject
            {
                ["id"] = pickleId,
                ["uri"] = feature.Uri,
                ["location"] = Location(scenarioLine, 3),
                ["name"] = scenario.Name,
                ["language"] = "en",
                ["astNodeIds"] = new JsonArray(scenarioId),
                ["tags"] = new JsonArray((scenario.Tags ?? []).Select(t => (JsonNode)new JsonObject { ["name"] = t, ["astNodeId"] = scenarioId }).ToArray()),
                ["steps"] = new JsonArray(scenario.Steps.Select((s, i) => (JsonNode)new JsonObject
                {
                    ["id"] = pickleStepIds[i],
                    ["text"] = s.Text,
                    ["type"] = "Context",
                    ["astNodeIds"] = new JsonArray(astStepIds[i]),
                }).ToArray()),
            });
            plans.Add((scenario, pickleId, pickleStepIds));
        }

        lines.Add(Envelope("source", new JsonObject { ["uri"] = feature.Uri, ["data"] = source.ToString(), ["mediaType"] = "text/x.cucumber.gherkin+plain" }));
        lines.Add(Envelope("gherkinDocument", new JsonObject
        {
            ["uri"] = feature.Uri,
            ["comments"] = new JsonArray(),
            ["feature"] = new JsonObject
            {
                ["location"] = Location(1, 1),
                ["tags"] = new JsonArray(),
                ["language"] = "en",
                ["keyword"] = "Feature",
                ["name"] = feature.Name,
                ["description"] = feature.Description.Length > 0 ? "  " + feature.Description : "",
                ["children"] = children,
            },
        }));
        lines.AddRange(pickles.Select(p => Envelope("pickle", p)));
        return plans;
    }

    private bool RunScenario((FakeScenario Scenario, string PickleId, string[] StepIds) plan, string stepDefinition, string runId, List<JsonObject> lines)
    {
        var testStepIds = plan.StepIds.Select(_ => Id()).ToArray();
        var testCaseId = Id();
        lines.Add(Envelope("testCase", new JsonObject
        {
            ["id"] = testCaseId,
            ["pickleId"] = plan.PickleId,
            ["testRunStartedId"] = runId,
            ["testSteps"] = new JsonArray(testStepIds.Select((id, i) => (JsonNode)new JsonObject
            {
                ["id"] = id,
                ["pickleStepId"] = plan.StepIds[i],
                ["stepDefinitionIds"] = new JsonArray(stepDefinition),
                ["stepMatchArgumentsLists"] = new JsonArray(),
            }).ToArray()),
        }));
        var startedId = Id();
        lines.Add(Envelope("testCaseStarted", new JsonObject { ["id"] = startedId, ["testCaseId"] = testCaseId, ["attempt"] = 0, ["timestamp"] = Now() }));
        var passed = true;
        for (var i = 0; i < testStepIds.Length; i++)
        {
            var step = plan.Scenario.Steps[i];
            lines.Add(Envelope("testStepStarted", new JsonObject { ["testCaseStartedId"] = startedId, ["testStepId"] = testStepIds[i], ["timestamp"] = Now() }));
            foreach (var attachment in step.Attachments ?? [])
            {
                var node = new JsonObject
                {
                    ["testCaseStartedId"] = startedId,
                    ["testStepId"] = testStepIds[i],
                    ["body"] = Convert.ToBase64String(attachment.Body),
                    ["contentEncoding"] = "BASE64",
                    ["mediaType"] = attachment.MediaType,
                    ["timestamp"] = Now(),
                };
                if (attachment.FileName is not null)
                {
                    node["fileName"] = attachment.FileName;
                }

                lines.Add(Envelope("attachment", node));
            }

            var result = new JsonObject { ["status"] = step.Status, ["duration"] = new JsonObject { ["seconds"] = 0, ["nanos"] = 2_000_000 } };
            if (step.Message is not null)
            {
                result["message"] = step.Message;
                // As a .NET runner writes it: the frames only, no message (see ReadableExceptions).
                result["exception"] = new JsonObject
                {
                    ["type"] = "Alpy.AssertionException",
                    ["message"] = step.Message,
                    ["stackTrace"] = "   at Alpy.Specs.Steps.VerdictSteps.Then() in /src/Alpy.Specs.Steps/Bindings/VerdictSteps.cs:line 83",
                };
            }

            passed &= step.Status is "PASSED" or "SKIPPED";
            lines.Add(Envelope("testStepFinished", new JsonObject { ["testCaseStartedId"] = startedId, ["testStepId"] = testStepIds[i], ["testStepResult"] = result, ["timestamp"] = Now() }));
        }

        lines.Add(Envelope("testCaseFinished", new JsonObject { ["testCaseStartedId"] = startedId, ["timestamp"] = Now(), ["willBeRetried"] = false }));
        return passed;
    }

    private string Id() => (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private JsonObject Now()
    {
        _clockMillis += 3;
        return new JsonObject { ["seconds"] = _clockMillis / 1000, ["nanos"] = (int)(_clockMillis % 1000) * 1_000_000 };
    }

    private static JsonObject Location(int line, int column) => new() { ["line"] = line, ["column"] = column };

    private static JsonObject Envelope(string kind, JsonObject message) => new() { [kind] = message };

    /// <summary>Splits features over shards as the runner does: largest first, each to the least loaded shard.</summary>
    public IReadOnlyList<HashSet<string>> Shards(int count)
    {
        var shards = Enumerable.Range(0, count).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        var load = new int[count];
        foreach (var feature in Features.OrderByDescending(f => f.Scenarios.Count).ThenBy(f => f.Uri, StringComparer.Ordinal))
        {
            var least = Array.IndexOf(load, load.Min());
            load[least] += feature.Scenarios.Count;
            shards[least].Add(feature.Uri);
        }

        return shards;
    }

    /// <summary>A suite like the lab's: features of varied size, every status, and lab-style evidence.</summary>
    public static FakeSuite Lab(int features = 7)
    {
        var list = new List<FakeFeature>();
        for (var f = 0; f < features; f++)
        {
            var scenarios = new List<FakeScenario>();
            for (var s = 0; s < 1 + ((f * 3) % 5); s++)
            {
                var status = (f + s) % 9 == 4 ? "FAILED" : (f + s) % 11 == 6 ? "UNDEFINED" : "PASSED";
                scenarios.Add(new FakeScenario($"Scenario {s + 1} of feature {f + 1}",
                [
                    new FakeStep("Given ", "the lab is up"),
                    new FakeStep("When ", $"node0 pings node1 across the DUT ({f}.{s})", Attachments: [FakeAttachment.Text($"PING 192.168.{f}.{s}: 56 data bytes\n", "text/x.cucumber.log+plain")]),
                    new FakeStep("Then ", "the ping succeeds", status, status == "FAILED" ? $"expected exit code 0 from ping in app container node0-{f}-{s}, got 1" : null,
                        status == "FAILED" ? [FakeAttachment.Text("12:00:01.000 IP 192.168.1.2 > 192.168.2.2: ICMP echo request\n"), new FakeAttachment("application/vnd.tcpdump.pcap", new byte[100], "link0.pcap")] : null),
                ], s == 0 ? ["@smoke"] : null));
            }

            list.Add(new FakeFeature($"features/feature{f + 1:D2}.feature", $"Feature number {f + 1}", scenarios, $"Describes behaviour {f + 1} of the DUT."));
        }

        return new FakeSuite(list);
    }
}
