using Alpy.Cli.Running;

namespace Alpy.Cli.Tests.Running;

public sealed class TestProgressTests
{
    [Fact]
    public void Given_dotnet_tests_console_output_When_read_Then_each_finished_test_is_one_progress_line_and_the_rest_is_ignored()
    {
        var progress = new TestProgress(expected: 3);

        progress.Add("[xUnit.net 00:00:02.70]   Discovering: Alpy.Specs").Should().BeNull();
        progress.Add("  Passed A connection to port 80 is served on port 88 [3 s]").Should().Be("1/3 passed  A connection to port 80 is served on port 88 (3 s)");
        progress.Add("  Failed Dropped TCP traffic (protocol: TCP, port: 8080) [812 ms]").Should().Be("2/3 failed  Dropped TCP traffic (protocol: TCP, port: 8080) (812 ms)");
        progress.Add("  Error Message:").Should().BeNull();
        progress.Add("  Skipped An ignored scenario").Should().Be("3/3 skipped An ignored scenario");

        progress.Describe().Should().Be("3/3 scenarios, 1 failed, 1 skipped");
    }
}
