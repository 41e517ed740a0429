using Alpy.Reports.Merge;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Merge;

public sealed class ShardPlannerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_a_feature_with_an_outline_and_a_rule_When_parsed_Then_every_pickle_counts_as_a_scenario()
    {
        var feature = ShardPlanner.Parse("features/nat.feature", """
            Feature: NAT
              Background:
                Given the DUT has 2 links

              Scenario: Plain
                Then it works

              Scenario Outline: Port <port>
                Then port <port> works
                Examples:
                  | port |
                  | 22   |
                  | 80   |

              Rule: Masquerade
                Scenario: Behind the DUT
                  Then it is masqueraded
            """);

        feature.Should().Be(new PlannedFeature("features/nat.feature", "NAT", 4));
    }

    [Fact]
    public void Given_a_file_that_is_not_Gherkin_When_parsed_Then_the_error_names_file_and_line()
    {
        var act = () => ShardPlanner.Parse("features/bad.feature", "Feature: Bad\n  Scenario: x\n    Given y\n  | stray | table |\n  Oops\n");

        act.Should().Throw<ReportException>().WithMessage("features/bad.feature:5: *Fix the feature file*");
    }

    [Fact]
    public void Given_feature_files_When_read_Then_their_uris_are_relative_to_the_project_as_Reqnroll_names_them()
    {
        Directory.CreateDirectory(_temp.File("Features"));
        File.WriteAllText(_temp.File("Features/a.feature"), "Feature: A\n  Scenario: one\n    Given x\n");

        var features = ShardPlanner.Read([_temp.File("Features/a.feature")], _temp.Path);

        features.Should().Equal(new PlannedFeature("Features/a.feature", "A", 1));
    }

    [Fact]
    public void Given_features_of_different_sizes_When_assigned_Then_whole_features_are_balanced_by_scenario_count_and_every_one_is_in_one_shard()
    {
        PlannedFeature[] features = [new("f/a", "A", 8), new("f/b", "B", 3), new("f/c", "C", 3), new("f/d", "D", 2), new("f/e", "E", 2), new("f/f", "F", 1)];

        var shards = Enumerable.Range(1, 3).Select(i => ShardPlanner.Select(features, new ShardSpec(i, 3))).ToList();

        shards.SelectMany(s => s).Should().BeEquivalentTo(features, "every feature runs in exactly one shard");
        shards.Select(s => s.Sum(f => f.Scenarios)).Should().Equal(8, 6, 5);
        ShardPlanner.Select(features.Reverse().ToList(), new ShardSpec(2, 3)).Should().Equal(shards[1], "the split does not depend on the order the files were found in");
    }

    [Fact]
    public void Given_more_shards_than_features_When_a_shard_would_be_empty_Then_it_is_refused_saying_how_many_shards_fit()
    {
        PlannedFeature[] features = [new("f/a", "A", 2), new("f/b", "B", 1)];

        var act = () => ShardPlanner.Select(features, new ShardSpec(3, 3));

        act.Should().Throw<ReportException>().WithMessage("Shard 3/3 selects no feature*use at most 2 shards*");
    }
}
