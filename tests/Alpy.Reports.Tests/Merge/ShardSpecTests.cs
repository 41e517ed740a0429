using Alpy.Reports.Merge;

namespace Alpy.Reports.Tests.Merge;

public sealed class ShardSpecTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData(" 3 / 3 ", 3, 3)]
    public void Given_i_of_N_When_parsed_Then_both_are_read(string text, int index, int count) =>
        ShardSpec.Parse(text).Should().Be(new ShardSpec(index, count));

    [Theory]
    [InlineData("3/2", "the shard number i must be between 1 and N (2)")]
    [InlineData("0/0", "the number of shards N must be between 1 and 1000")]
    [InlineData("0/4", "the shard number i must be between 1 and N (4)")]
    [InlineData("1/1001", "between 1 and 1000")]
    [InlineData("two", "is not a shard: write i/N")]
    [InlineData("1/2/3", "is not a shard")]
    [InlineData("-1/2", "is not a shard")]
    [InlineData("", "is not a shard")]
    [InlineData(null, "is not a shard")]
    public void Given_a_bad_shard_When_parsed_Then_the_error_says_what_a_good_one_is(string? text, string problem) =>
        FluentActions.Invoking(() => ShardSpec.Parse(text)).Should().Throw<FormatException>().WithMessage($"*{problem}*");
}
