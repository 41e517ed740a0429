using System.Text.Json;
using Alpy.Runner.Configuration;
using Alpy.Runner.Execution;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;
using Alpy.Runner.Tests.Cck.Samples;

namespace Alpy.Runner.Tests.Cck;

/// <summary>
/// The Cucumber Compatibility Kit: each sample runs with C# step definitions that behave as its
/// reference implies, and the normalised message stream must equal the reference. Samples that
/// need what Gherkin 5 cannot parse are listed in <see cref="KnownGaps"/> with the reason, and
/// the test proves they still differ (so the list cannot go stale).
/// </summary>
public sealed class CckConformanceTests
{
    /// <summary>The samples this runner cannot pass, and why (also listed in docs/runner.md).</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownGaps = new Dictionary<string, string>
    {
        ["markdown"] = "Markdown with Gherkin (.feature.md) is not in the Gherkin 5.0.0 parser.",
        ["rules"] = "The Rule keyword is not in the Gherkin 5.0.0 parser.",
        ["rules-backgrounds"] = "The Rule keyword is not in the Gherkin 5.0.0 parser.",
    };

    private static readonly Dictionary<string, Type[]> Bindings = new()
    {
        ["all-statuses"] = [typeof(AllStatuses)],
        ["ambiguous"] = [typeof(Ambiguous)],
        ["attachments"] = [typeof(Attachments)],
        ["backgrounds"] = [typeof(Backgrounds)],
        ["cdata"] = [typeof(Cdata)],
        ["data-tables"] = [typeof(DataTables)],
        ["doc-strings"] = [typeof(DocStrings)],
        ["empty"] = [],
        ["examples-tables"] = [typeof(ExamplesTables)],
        ["examples-tables-attachment"] = [typeof(ExamplesTablesAttachment)],
        ["examples-tables-undefined"] = [typeof(ExamplesTablesUndefined)],
        ["global-hooks"] = [typeof(GlobalHooks)],
        ["global-hooks-afterall-error"] = [typeof(GlobalHooksAfterAllError)],
        ["global-hooks-attachments"] = [typeof(GlobalHooksAttachments)],
        ["global-hooks-beforeall-error"] = [typeof(GlobalHooksBeforeAllError)],
        ["hooks"] = [typeof(Hooks)],
        ["hooks-attachment"] = [typeof(HooksAttachment)],
        ["hooks-named"] = [typeof(HooksNamed)],
        ["hooks-skipped"] = [typeof(HooksSkipped)],
        ["hooks-undefined"] = [typeof(HooksUndefined)],
        ["markdown"] = [typeof(Markdown)],
        ["minimal"] = [typeof(Minimal)],
        ["multiple-features"] = [typeof(MultipleFeatures)],
        ["multiple-features-reversed"] = [typeof(MultipleFeatures)],
        ["parameter-types"] = [typeof(ParameterTypes)],
        ["pending"] = [typeof(Pending)],
        ["pending-exception"] = [typeof(PendingThrown)],
        ["regular-expression"] = [typeof(RegularExpression)],
        ["retry"] = [typeof(Retry)],
        ["retry-ambiguous"] = [typeof(RetryAmbiguous)],
        ["retry-pending"] = [typeof(RetryPending)],
        ["retry-undefined"] = [],
        ["rules"] = [typeof(Rules)],
        ["rules-backgrounds"] = [typeof(Backgrounds)],
        ["skipped"] = [typeof(Skipped)],
        ["skipped-exception"] = [typeof(SkippedThrown)],
        ["test-run-exception"] = [typeof(TestRunFailure)],
        ["undefined"] = [typeof(Undefined)],
        ["unknown-parameter-type"] = [typeof(UnknownParameterType)],
        ["unused-steps"] = [typeof(UnusedSteps)],
    };

    public static TheoryData<string> Samples => new(CckSample.Names());

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Given_a_kit_sample_When_it_runs_Then_the_message_stream_matches_the_reference(string name)
    {
        // Given
        var sample = CckSample.Named(name);
        Bindings.Should().ContainKey(name, "every sample of the kit needs its step definitions here");

        // When
        var actual = await RunAsync(sample);
        var differences = StreamComparer.Differences(MessageNormalizer.Normalize(sample.ExpectedLines), MessageNormalizer.Normalize(actual));

        // Then
        if (KnownGaps.TryGetValue(name, out var reason))
        {
            differences.Should().NotBeEmpty($"{name} is listed as a known gap ({reason}); if it passes now, remove it from KnownGaps and docs/runner.md");
        }
        else
        {
            differences.Should().BeEmpty($"the stream of {name} should match the reference:\n{StreamComparer.Describe(differences)}");
        }
    }

    [Fact]
    public void Given_the_kit_When_counting_the_samples_this_runner_passes_Then_it_is_at_least_32_of_40()
    {
        var names = CckSample.Names().ToArray();
        names.Should().HaveCount(40);
        (names.Length - names.Count(KnownGaps.ContainsKey)).Should().BeGreaterThanOrEqualTo(32);
    }

    [Fact]
    public void Given_a_stream_When_compared_with_itself_changed_Then_the_comparer_notices()
    {
        // Proves the comparison can fail: a changed status and a reordered attachment are both differences.
        var reference = CckSample.Named("attachments").ExpectedLines.ToList();
        var changed = reference.Select(l => l.Replace("\"status\":\"PASSED\"", "\"status\":\"SKIPPED\"", StringComparison.Ordinal)).ToList();
        var moved = reference.ToList();
        var attachment = moved.FindIndex(l => l.StartsWith("{\"attachment\"", StringComparison.Ordinal));
        (moved[attachment], moved[attachment + 1]) = (moved[attachment + 1], moved[attachment]);

        StreamComparer.Differences(MessageNormalizer.Normalize(reference), MessageNormalizer.Normalize(reference)).Should().BeEmpty();
        StreamComparer.Differences(MessageNormalizer.Normalize(reference), MessageNormalizer.Normalize(changed)).Should().NotBeEmpty();
        StreamComparer.Differences(MessageNormalizer.Normalize(reference), MessageNormalizer.Normalize(moved)).Should().ContainMatch("order within *");
    }

    private static async Task<IReadOnlyList<string>> RunAsync(CckSample sample)
    {
        Retry.Reset();
        var memory = new MemoryFormatter();
        var configuration = RunnerConfiguration.Default with { Retry = sample.Retry };
        var run = StandaloneRun.Create(sample.Features, Bindings[sample.Name], configuration, [memory], new IncrementingIdGenerator());
        await run.RunAllAsync(sample.Reverse, TestContext.Current.CancellationToken);
        var serialized = memory.Envelopes.Select(e => JsonSerializer.Serialize(e, MessageJsonContext.Stream.Envelope)).ToArray();
        var written = Write(memory.Envelopes);
        written.Should().Equal(serialized, "the message file's writer (hand-written for per-step messages) must write every message as the serializer does");
        return written;
    }

    /// <summary>The lines the message formatter's writer puts in the file.</summary>
    private static string[] Write(IEnumerable<Envelope> envelopes)
    {
        var file = new MemoryStream();
        using (var writer = new MessageStreamWriter(file))
        {
            foreach (var envelope in envelopes)
            {
                writer.Write(envelope);
            }
        }

        // A closed MemoryStream still hands out its bytes.
        return System.Text.Encoding.UTF8.GetString(file.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
