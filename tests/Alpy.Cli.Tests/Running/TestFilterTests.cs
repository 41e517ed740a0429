using Alpy.Cli.Running;
using Alpy.Reports.Merge;

namespace Alpy.Cli.Tests.Running;

public sealed class TestFilterTests
{
    [Fact]
    public void Given_a_shards_features_When_filtered_Then_each_is_selected_by_its_FeatureTitle_trait_within_the_users_filter()
    {
        PlannedFeature[] all = [new("a.feature", "Reroutes", 3), new("b.feature", "NAT (masquerade) & more", 2)];

        TestFilter.ForFeatures(all, all, null).Should().Be(@"FeatureTitle=Reroutes|FeatureTitle=NAT \(masquerade\) \& more");
        TestFilter.ForFeatures(all, all[..1], "Category=smoke").Should().Be("(Category=smoke)&(FeatureTitle=Reroutes)");
    }

    [Fact]
    public void Given_two_features_with_one_title_When_filtered_Then_it_says_which_and_why()
    {
        PlannedFeature[] all = [new("a.feature", "Same", 3), new("b.feature", "Same", 2)];

        var filter = () => TestFilter.ForFeatures(all, all[..1], null);

        filter.Should().Throw<FormatException>().WithMessage("*a.feature and b.feature share the title \"Same\"*");
    }
}
