using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Merge;

/// <summary>The acceptance test of sharding: the real runner's shards, merged, equal one machine's run.</summary>
[Trait("Category", "integration")]
[Collection(RunnerSamplesDefinition.Name)]
public sealed class RealShardsTests(RunnerSamples samples)
{
    [Fact]
    public async Task Given_the_runners_samples_run_whole_and_as_3_shards_When_merged_Then_every_scenario_ran_exactly_once_and_totals_match()
    {
        // Given
        var whole = await samples.RunAsync("whole");
        var shards = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            shards.Add(await samples.RunAsync($"shard-{i}", $"{i}/3"));
        }

        // When
        var single = await Runs.ReadAsync(whole);
        var parts = new List<RunResult>();
        foreach (var shard in shards)
        {
            parts.Add(await Runs.ReadAsync(shard));
        }

        var merged = await new ReportBuilder().BuildAsync(new ReportRequest
        {
            Streams = shards,
            ReportsDirectory = Path.Combine(samples.Folder, "reports"),
            RunId = "merged",
            ExpectedShards = 3,
        }, TestContext.Current.CancellationToken);

        // Then: each shard ran something, no scenario ran in two shards, together they ran them all
        single.Scenarios.Should().HaveCountGreaterThan(5);
        parts.Should().OnlyContain(p => p.Scenarios.Any(s => s.Ran));
        var ran = parts.SelectMany(p => p.Scenarios.Where(s => s.Ran).Select(Key)).ToList();
        ran.Should().OnlyHaveUniqueItems("every scenario runs in exactly one shard");
        ran.Should().BeEquivalentTo(single.Scenarios.Where(s => s.Ran).Select(Key));

        // Then: the merged report says what the single machine said
        merged.Run.Totals.Should().Be(single.Totals);
        merged.Run.ScenarioCounts.Should().Be(single.ScenarioCounts);
        merged.Run.StepCounts.Should().Be(single.StepCounts);
        merged.Run.Scenarios.Select(s => (Key(s), s.Status)).Should().BeEquivalentTo(single.Scenarios.Select(s => (Key(s), s.Status)));
        merged.Run.IsComplete.Should().BeTrue();
        merged.Shards.Select(s => s.ScenariosRun).Sum().Should().Be(single.Scenarios.Count(s => s.Ran));
    }

    private static string Key(ScenarioResult scenario) => $"{scenario.Location}|{scenario.DisplayName}";
}
