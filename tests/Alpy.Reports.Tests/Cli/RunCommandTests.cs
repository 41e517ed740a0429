namespace Alpy.Reports.Tests.Cli;

public sealed class RunCommandTests
{
    [Theory]
    [InlineData("3/2", "between 1 and N (2)")]
    [InlineData("0/0", "must be between 1 and 1000")]
    [InlineData("half", "is not a shard")]
    public async Task Given_a_bad_shard_When_run_Then_it_exits_2_before_starting_anything(string shard, string problem)
    {
        var (exit, output, error) = await Alpy.RunAsync("run", "--shard", shard, "--project", "/nonexistent/project");

        exit.Should().Be(2);
        error.Should().StartWith("alpy run: ").And.Contain(problem);
        output.Should().NotContain("dotnet test", "nothing was started");
    }
}
