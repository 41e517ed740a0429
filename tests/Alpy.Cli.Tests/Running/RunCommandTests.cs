using Alpy.Cli.Tests.Support;
using Alpy.Tests.Cli;

namespace Alpy.Cli.Tests.Running;

public sealed class RunCommandTests
{
    [Theory]
    [InlineData("3/2", "between 1 and N (2)")]
    [InlineData("0/0", "must be between 1 and 1000")]
    [InlineData("half", "is not a shard")]
    public async Task Given_a_bad_shard_When_run_Then_it_exits_2_before_starting_anything(string shard, string problem)
    {
        var (exit, output, error) = await AlpyCli.RunAsync("run", "--shard", shard, "--project", "/nonexistent/project");

        exit.Should().Be(2);
        error.Should().StartWith("alpy run: ").And.Contain(problem);
        output.Should().NotContain("dotnet test", "nothing was started");
    }

    [Fact]
    public async Task Given_more_shards_than_features_When_run_Then_it_says_so_and_starts_nothing()
    {
        var (exit, output, error) = await AlpyCli.RunAsync("run", "--shard", "6/6", "--project", SampleSuite.Project, "--features", SampleSuite.Features, "--no-build");

        exit.Should().Be(2);
        error.Should().Contain("Shard 6/6 selects no feature").And.Contain("use at most 5 shards");
        output.Should().NotContain("dotnet test");
    }

    [Fact]
    public async Task Given_no_features_folder_When_run_Then_it_names_the_folder_and_the_option()
    {
        var (exit, _, error) = await AlpyCli.RunAsync("run", "--project", SampleSuite.Project, "--features", "/nonexistent/features", "--no-build");

        exit.Should().Be(2);
        error.Should().Contain("/nonexistent/features").And.Contain("--features");
    }
}
