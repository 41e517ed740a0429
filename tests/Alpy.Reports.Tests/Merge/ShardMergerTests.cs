using System.Text.Json.Nodes;
using Alpy.Reports.Merge;
using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Merge;

public sealed class ShardMergerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(7, false)]
    public async Task Given_N_shards_of_a_suite_When_merged_Then_every_scenario_ran_exactly_once_and_totals_equal_one_machines(int shards, bool discoverAll)
    {
        // Given: one machine's run, and the same suite split over N shards (ids collide across shards)
        var suite = FakeSuite.Lab(7);
        var single = _temp.File("single.ndjson");
        suite.Write(single);
        var streams = suite.Shards(shards).Select((uris, i) =>
        {
            var path = _temp.File($"shard-{i + 1}.ndjson");
            suite.Write(path, new FakeRunOptions { Runs = f => uris.Contains(f.Uri), DiscoverAll = discoverAll, StartSeconds = 1_700_000_000 + (i * 7) });
            return path;
        }).ToList();

        // When
        var merged = await MergeAsync(streams, shards);
        var expected = await Runs.ReadAsync(single);

        // Then
        merged.Status.Should().Be(expected.Status);
        merged.Totals.Should().Be(expected.Totals);
        merged.ScenarioCounts.Should().Be(expected.ScenarioCounts);
        merged.StepCounts.Should().Be(expected.StepCounts);
        merged.Scenarios.Should().HaveCount(suite.ScenarioCount);
        merged.Scenarios.Should().OnlyContain(s => s.Attempts == 1, "every scenario ran exactly once");
        Key(merged).Should().BeEquivalentTo(Key(expected));
        merged.Features.Select(f => f.Name).Should().BeEquivalentTo(suite.Features.Select(f => f.Name));
    }

    [Fact]
    public async Task Given_merged_shards_When_written_Then_ids_are_unique_and_every_reference_resolves()
    {
        var suite = FakeSuite.Lab(5);
        var streams = suite.Shards(3).Select((uris, i) =>
        {
            var path = _temp.File($"s{i}.ndjson");
            suite.Write(path, new FakeRunOptions { Runs = f => uris.Contains(f.Uri), DiscoverAll = true });
            return path;
        }).ToList();

        var envelopes = new List<(string Kind, JsonObject Message)>();
        await foreach (var (envelope, _) in new ShardMerger(streams).MergeAsync(TestContext.Current.CancellationToken))
        {
            envelopes.Add((envelope.Kind, envelope.Message));
        }

        var ids = envelopes.Select(e => e.Message["id"]?.ToString()).Where(id => id is not null).ToList();
        ids.Should().OnlyHaveUniqueItems();
        var pickles = envelopes.Where(e => e.Kind == "pickle").Select(e => e.Message["id"]!.ToString()).ToHashSet();
        envelopes.Where(e => e.Kind == "testCase").Should().OnlyContain(e => pickles.Contains(e.Message["pickleId"]!.ToString()));
        envelopes.Count(e => e.Kind == "testRunStarted").Should().Be(1);
        envelopes.Count(e => e.Kind == "testRunFinished").Should().Be(1);
        envelopes.Count(e => e.Kind == "source").Should().Be(5, "each feature once, though every shard discovered all");
        envelopes.Count(e => e.Kind == "stepDefinition").Should().Be(1, "the shards share their step definitions");
        envelopes[^1].Kind.Should().Be("testRunFinished");
    }

    [Fact]
    public async Task Given_two_shards_that_ran_the_same_feature_When_merged_Then_it_is_refused_naming_the_scenario_and_both_shards()
    {
        var suite = FakeSuite.Lab(3);
        var first = _temp.File("a.ndjson");
        var second = _temp.File("b.ndjson");
        suite.Write(first);
        suite.Write(second, new FakeRunOptions { Runs = f => f.Uri.EndsWith("02.feature", StringComparison.Ordinal) });

        var act = () => MergeAsync([first, second]);

        (await act.Should().ThrowAsync<ReportException>()).Which.Message.Should()
            .Contain("'Scenario 1 of feature 2' (features/feature02.feature)").And.Contain("shard 1").And.Contain("shard 2")
            .And.Contain("--shard i/N");
    }

    [Fact]
    public void Given_fewer_streams_than_shards_When_merged_Then_it_is_refused_because_the_totals_would_be_short()
    {
        var path = _temp.File("only.ndjson");
        FakeSuite.Lab(2).Write(path);

        var act = () => new ShardMerger([path], expectedShards: 3);

        act.Should().Throw<ReportException>().WithMessage("Expected 3 shard streams but got 1*did not upload*");
    }

    [Fact]
    public async Task Given_a_shard_cut_short_When_merged_Then_the_merged_run_is_incomplete_and_the_shard_is_named()
    {
        var suite = FakeSuite.Lab(4);
        var shards = suite.Shards(2);
        var complete = _temp.File("1.ndjson");
        var cut = _temp.File("2.ndjson");
        suite.Write(complete, new FakeRunOptions { Runs = f => shards[0].Contains(f.Uri) });
        suite.Write(cut, new FakeRunOptions { Runs = f => shards[1].Contains(f.Uri), Finish = false });

        var merger = new ShardMerger([complete, cut]);
        var run = await BuildAsync(merger);

        run.Status.Should().Be(RunStatus.Incomplete);
        merger.IsComplete.Should().BeFalse();
        merger.Warnings.Should().ContainSingle().Which.Should().Contain($"Shard 2 ({cut}) ends before testRunFinished");
        merger.Shards.Select(s => s.Complete).Should().Equal(true, false);
    }

    [Fact]
    public async Task Given_shards_that_ran_different_versions_of_a_feature_When_merged_Then_it_is_refused()
    {
        var first = _temp.File("a.ndjson");
        var second = _temp.File("b.ndjson");
        FakeSuite.Lab(2).Write(first, new FakeRunOptions { Runs = f => f.Uri.EndsWith("01.feature", StringComparison.Ordinal), DiscoverAll = true });
        var changed = new FakeSuite(FakeSuite.Lab(2).Features.Select(f => f with { Description = "changed" }).ToList());
        changed.Write(second, new FakeRunOptions { Runs = f => f.Uri.EndsWith("02.feature", StringComparison.Ordinal), DiscoverAll = true });

        var act = () => MergeAsync([first, second]);

        (await act.Should().ThrowAsync<ReportException>()).Which.Message.Should().Contain("different version of features/feature01.feature").And.Contain("same commit");
    }

    [Fact]
    public void Given_the_same_stream_twice_When_merged_Then_it_is_refused()
    {
        var path = _temp.File("a.ndjson");

        var act = () => new ShardMerger([path, _temp.File("./a.ndjson")]);

        act.Should().Throw<ReportException>().WithMessage("*is given 2 times*");
    }

    private static IEnumerable<string> Key(RunResult run) => run.Scenarios.Select(s => $"{s.Location}|{s.Name}|{s.Status}");

    private static Task<RunResult> MergeAsync(IReadOnlyList<string> streams, int? expected = null) => BuildAsync(new ShardMerger(streams, expected));

    private static async Task<RunResult> BuildAsync(ShardMerger merger)
    {
        var builder = new RunResultBuilder("merged");
        await foreach (var (envelope, _) in merger.MergeAsync(TestContext.Current.CancellationToken))
        {
            builder.Add(envelope);
        }

        return builder.Build();
    }
}
