using Alpy.Cli.Running;
using Alpy.Reports.Merge;

namespace Alpy.Cli.Tests.Running;

public sealed class ShardPlanTests
{
    private static readonly SuiteFeature[] Features =
    [
        new("a.feature", "A", 10), new("b.feature", "B", 7), new("c.feature", "C", 6), new("d.feature", "D", 2), new("e.feature", "E", 1),
    ];

    [Fact]
    public void Given_features_When_split_into_shards_Then_every_feature_is_in_exactly_one_and_the_loads_are_balanced()
    {
        var plan = ShardPlan.Assign(Features, 2);

        plan.Keys.Should().BeEquivalentTo(Features);
        var loads = Enumerable.Range(1, 2).Select(shard => plan.Where(p => p.Value == shard).Sum(p => p.Key.Scenarios)).ToList();
        loads.Should().BeEquivalentTo([13, 13], "largest first, each to the lightest shard");
    }

    [Fact]
    public void Given_the_same_features_in_another_order_When_split_Then_the_split_is_the_same()
    {
        var forward = ShardPlan.Assign(Features, 3).ToDictionary(p => p.Key.Path, p => p.Value);
        var backward = ShardPlan.Assign(Features.Reverse(), 3).ToDictionary(p => p.Key.Path, p => p.Value);

        backward.Should().Equal(forward, "every machine of a CI matrix must plan the same shards");
    }

    [Fact]
    public void Given_more_shards_than_features_When_a_shard_would_be_empty_Then_it_is_an_error_not_a_green_run()
    {
        var select = () => ShardPlan.Select(Features, new ShardSpec(6, 6));

        select.Should().Throw<FormatException>().WithMessage("*selects no feature*at most 5 shards*");
    }
}
