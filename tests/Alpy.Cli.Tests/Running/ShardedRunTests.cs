using System.Text.RegularExpressions;
using Alpy.Cli.Tests.Support;
using Alpy.Tests.Cli;

namespace Alpy.Cli.Tests.Running;

/// <summary>
/// CI shards on Reqnroll, end to end through the alpy command: the sample suite run whole and as four shards
/// (`alpy run --shard i/4`), then the shards merged (`alpy merge --expected-shards 4`).
/// </summary>
[Trait("Category", "integration")]
[Collection(SampleSuiteDefinition.Name)]
public sealed partial class ShardedRunTests(SampleSuite samples)
{
    [Fact]
    public async Task Given_the_samples_run_whole_and_as_four_shards_When_merged_Then_each_feature_ran_in_one_shard_and_the_totals_equal_one_machines()
    {
        // Given: one machine's run, and four shards
        var whole = await samples.RunAsync("whole");
        var shards = new List<(int Exit, string Out, string Error)>();
        for (var i = 1; i <= 4; i++)
            shards.Add(await samples.RunAsync($"shard-{i}", "--shard", $"{i}/4"));

        // Then: one line per scenario, the closing line of a run that has its one failing scenario
        whole.Exit.Should().Be(1, whole.Out + whole.Error);
        AlpyCli.LastLine(whole.Out).Should().Be("11 passed, 1 failed", whole.Out);
        Regex.Matches(whole.Out, @"^\d+/12 (passed|failed) ", RegexOptions.Multiline).Should().HaveCount(12, "one progress line per scenario");
        whole.Out.Should().Contain("failed  This one fails on purpose");
        whole.Out.Should().Contain("passed  5 doubled is 10 (n: 5, twice: 10)", "an outline row is named by its values");
        foreach (var results in new[] { Path.Combine(samples.Temp, "whole", "specs.trx"), Path.Combine(samples.Temp, "reports", "runs", "whole", "junit.xml") })
            File.ReadAllText(results).Should().NotContain("__pickleIndex", $"{results} names tests readably (Reqnroll issue #927)").And.Contain("5 doubled is 10");

        // Then: every feature ran in exactly one shard, and no shard was empty
        var features = shards.Select(s => ShardFeatures().Match(s.Out)).Select(m => m.Success ? m.Groups[1].Value.Split(", ") : []).ToList();
        features.Should().OnlyContain(f => f.Length > 0, "every shard runs whole features");
        features.SelectMany(f => f).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(["features/adding.feature", "features/both.feature", "features/doubling.feature", "features/failing.feature", "features/single.feature"]);

        // When: the four shards are merged
        var merged = await AlpyCli.RunAsync(["merge", .. Enumerable.Range(1, 4).Select(i => samples.Messages($"shard-{i}")), "--expected-shards", "4",
            "--reports", Path.Combine(samples.Temp, "reports"), "--run-id", "merged"]);

        // Then: one report whose totals are the single machine's
        AlpyCli.LastLine(merged.Out).Should().Be(AlpyCli.LastLine(whole.Out), merged.Out + merged.Error);
    }

    [Fact]
    public async Task Given_three_of_four_shards_When_merged_Then_the_merge_is_refused_naming_the_missing_shard_count()
    {
        for (var i = 1; i <= 3; i++)
            await samples.RunAsync($"partial-{i}", "--shard", $"{i}/4");

        var merged = await AlpyCli.RunAsync(["merge", .. Enumerable.Range(1, 3).Select(i => samples.Messages($"partial-{i}")), "--expected-shards", "4",
            "--reports", Path.Combine(samples.Temp, "reports"), "--run-id", "partial"]);

        merged.Exit.Should().Be(2, "a missing shard is bad input, not a green report");
        merged.Error.Should().Contain("4").And.Contain("3");
    }

    [GeneratedRegex(@"^alpy run: run shard-\d, shard \d/4 \(([^)]*)\): dotnet test ", RegexOptions.Multiline)]
    private static partial Regex ShardFeatures();
}
