using Alpy.Reports.Merge;
using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Merge;

/// <summary>
/// The acceptance test of sharding on Reqnroll's own streams: one build of a suite run whole and as three shards
/// (dotnet test --filter on the features ShardPlanner gives each shard), merged, equals the single run.
/// </summary>
public sealed class RealShardsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_Reqnrolls_shards_of_a_suite_When_merged_Then_every_scenario_ran_exactly_once_and_totals_match_the_whole_run()
    {
        // Given
        var single = await Runs.ReadAsync(ReqnrollStreams.Whole);
        var parts = new List<RunResult>();
        foreach (var shard in ReqnrollStreams.Shards)
        {
            parts.Add(await Runs.ReadAsync(shard));
        }

        // When
        var merged = await new ReportBuilder().BuildAsync(new ReportRequest
        {
            Streams = ReqnrollStreams.Shards,
            ReportsDirectory = _temp.File("reports"),
            RunId = "merged",
            ExpectedShards = 3,
        }, TestContext.Current.CancellationToken);

        // Then: each shard ran something, no scenario ran in two shards, together they ran them all
        single.Scenarios.Should().HaveCount(18);
        parts.Should().OnlyContain(p => p.Scenarios.Any(s => s.Ran));
        var ran = parts.SelectMany(p => p.Scenarios.Select(Key)).ToList();
        ran.Should().OnlyHaveUniqueItems("every scenario runs in exactly one shard");
        ran.Should().BeEquivalentTo(single.Scenarios.Select(Key));

        // Then: the merged report says what the single machine said (and what dotnet test counted: 12 passed, 5 failed, 1 skipped)
        merged.Run.Totals.Should().Be(single.Totals).And.Be(new OutcomeTotals(12, 5, 1));
        merged.Run.ScenarioCounts.Should().Be(single.ScenarioCounts);
        merged.Run.StepCounts.Should().Be(single.StepCounts);
        merged.Run.Scenarios.Select(s => (Key(s), s.Status)).Should().BeEquivalentTo(single.Scenarios.Select(s => (Key(s), s.Status)));
        merged.Run.IsComplete.Should().BeTrue();
        merged.Run.Status.Should().Be(RunStatus.Failed);
        merged.Shards.Select(s => s.ScenariosRun).Sum().Should().Be(single.Scenarios.Count(s => s.Ran));
        merged.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task Given_the_suites_features_When_planned_in_3_shards_Then_each_of_Reqnrolls_shard_streams_ran_exactly_its_shards_features()
    {
        // Given: the feature files, as the whole run's source messages hold them
        var features = new List<PlannedFeature>();
        await foreach (var envelope in new Alpy.Reports.Messages.MessageStreamReader(ReqnrollStreams.Whole).ReadAllAsync(TestContext.Current.CancellationToken))
        {
            if (envelope.Envelope.Source is { } source)
            {
                features.Add(ShardPlanner.Parse(source.Uri, source.Data));
            }
        }

        features.Should().HaveCount(5);
        for (var i = 1; i <= 3; i++)
        {
            // When
            var planned = ShardPlanner.Select(features, new ShardSpec(i, 3));

            // Then
            var run = await Runs.ReadAsync(ReqnrollStreams.Shards[i - 1]);
            run.Features.Select(f => f.Uri).Should().BeEquivalentTo(planned.Select(f => f.Uri), $"shard {i}/3 ran with a filter on the planned features");
            run.Scenarios.Count().Should().Be(planned.Sum(f => f.Scenarios), "the plan counts what Reqnroll runs: one scenario per pickle");
        }
    }

    [Fact]
    public async Task Given_one_of_three_shards_missing_When_merged_Then_it_is_refused()
    {
        var act = () => MergeAsync(ReqnrollStreams.Shards.Take(2).ToList());

        (await act.Should().ThrowAsync<ReportException>()).Which.Message.Should().Contain("Expected 3 shard streams but got 2");
    }

    [Fact]
    public async Task Given_a_shards_stream_given_twice_under_another_name_When_merged_Then_it_is_refused_naming_a_scenario_and_both_shards()
    {
        var copy = ReqnrollStreams.CopyTo(ReqnrollStreams.Shards[1], _temp.File("download"), "shard-3-of-3.ndjson");

        var act = () => MergeAsync([ReqnrollStreams.Shards[0], ReqnrollStreams.Shards[1], copy]);

        (await act.Should().ThrowAsync<ReportException>()).Which.Message.Should()
            .Contain("ran in shard 2").And.Contain("and in shard 3").And.Contain("count it twice").And.Contain(copy);
    }

    [Fact]
    public async Task Given_a_shard_whose_test_host_crashed_When_merged_Then_the_report_is_incomplete_and_names_that_shard()
    {
        // Given: shard 3 cut where Reqnroll's 64 KiB blocks cut a crashed run's stream, mid-line, before testRunFinished
        var whole = await File.ReadAllBytesAsync(ReqnrollStreams.Shards[2], TestContext.Current.CancellationToken);
        var cut = _temp.File("shard-3-of-3.ndjson");
        await File.WriteAllBytesAsync(cut, whole[..(whole.Length * 2 / 3)], TestContext.Current.CancellationToken);

        // When
        var result = await MergeAsync([ReqnrollStreams.Shards[0], ReqnrollStreams.Shards[1], cut]);

        // Then
        result.Run.Status.Should().Be(RunStatus.Incomplete);
        result.Shards.Select(s => s.Complete).Should().Equal(true, true, false);
        result.Warnings.Should().Contain(w => w.Contains("Shard 3", StringComparison.Ordinal) && w.Contains("INCOMPLETE", StringComparison.Ordinal));
        result.Run.Problems.Should().Contain(p => p.Contains("cut short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_shard_that_wrote_nothing_When_merged_Then_the_report_of_the_others_is_incomplete()
    {
        var empty = _temp.File("shard-3-of-3.ndjson");
        await File.WriteAllTextAsync(empty, "", TestContext.Current.CancellationToken);

        var result = await MergeAsync([ReqnrollStreams.Shards[0], ReqnrollStreams.Shards[1], empty]);

        result.Run.Status.Should().Be(RunStatus.Incomplete);
        result.Warnings.Should().Contain(w => w.Contains("Shard 3", StringComparison.Ordinal) && w.Contains("is empty", StringComparison.Ordinal));
        result.Run.Scenarios.Should().HaveCount(13, "shards 1 and 2 ran 8 and 5 scenarios");
    }

    private Task<ReportResult> MergeAsync(IReadOnlyList<string> streams) => new ReportBuilder().BuildAsync(new ReportRequest
    {
        Streams = streams,
        ReportsDirectory = _temp.File("reports"),
        RunId = "merged",
        ExpectedShards = 3,
    }, TestContext.Current.CancellationToken);

    private static string Key(ScenarioResult scenario) => $"{scenario.Location}|{scenario.DisplayName}";
}
