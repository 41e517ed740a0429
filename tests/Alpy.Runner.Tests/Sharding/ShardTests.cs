using Alpy.Runner.Sharding;

namespace Alpy.Runner.Tests.Sharding;

public sealed class ShardTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData(" 3 / 3 ", 3, 3)]
    public void Given_a_valid_spec_When_parsed_Then_index_and_count_are_read(string text, int index, int count)
    {
        ShardSpec.Parse(text).Should().Be(new ShardSpec(index, count));
    }

    [Theory]
    [InlineData("3/2", "between 1 and 2, not 3")]
    [InlineData("0/0", "at least 1")]
    [InlineData("0/3", "between 1 and 3, not 0")]
    [InlineData("garbage", "is not a shard")]
    [InlineData("1/2/3", "is not a shard")]
    [InlineData("-1/2", "is not a shard")]
    [InlineData("1.5/2", "is not a shard")]
    [InlineData("", "is not a shard")]
    public void Given_a_bad_spec_When_parsed_Then_it_is_a_clear_error(string text, string problem)
    {
        var parse = () => ShardSpec.Parse(text, "ALPY_SHARD");
        parse.Should().Throw<FormatException>().WithMessage($"*{problem}*");
    }

    [Fact]
    public void Given_no_variable_When_read_from_the_environment_Then_there_is_no_shard()
    {
        ShardSpec.FromEnvironment(_ => null).Should().BeNull();
        ShardSpec.FromEnvironment(_ => "  ").Should().BeNull();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Given_N_shards_When_features_are_split_Then_every_feature_is_in_exactly_one_and_loads_are_balanced(int shards)
    {
        // Given: 12 features of uneven size
        var features = Enumerable.Range(1, 12).Select(i => ($"features/f{i:00}.feature", i % 5 + 1)).ToArray();

        // When
        var selections = Enumerable.Range(1, shards).Select(i => ShardPlanner.Select(features, new ShardSpec(i, shards))).ToArray();

        // Then
        selections.SelectMany(s => s).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(features.Select(f => f.Item1));
        var loads = selections.Select(s => features.Where(f => s.Contains(f.Item1)).Sum(f => f.Item2)).ToArray();
        (loads.Max() - loads.Min()).Should().BeLessThanOrEqualTo(features.Max(f => f.Item2), "greedy largest-first keeps shards within one feature of each other");
    }

    [Fact]
    public void Given_the_same_features_in_another_order_When_split_Then_the_split_is_the_same()
    {
        var features = new[] { ("b.feature", 3), ("a.feature", 3), ("c.feature", 1), ("d.feature", 2) };

        ShardPlanner.Assign(features, 2).Should().Equal(ShardPlanner.Assign(features.Reverse(), 2));
    }

    [Fact]
    public void Given_more_shards_than_features_When_a_shard_is_empty_Then_it_is_an_error_not_an_empty_run()
    {
        var select = () => ShardPlanner.Select([("a.feature", 1), ("b.feature", 1)], new ShardSpec(3, 3));
        select.Should().Throw<FormatException>().WithMessage("*ALPY_SHARD=3/3 selects no feature*at most 2 shards*");
    }
}
