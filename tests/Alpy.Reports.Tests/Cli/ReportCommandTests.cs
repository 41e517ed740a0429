using Alpy.Reports.Tests.Support;
using Alpy.Tests.Cli;

namespace Alpy.Reports.Tests.Cli;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_a_failing_run_When_reported_Then_the_summary_lists_failures_and_ends_with_the_totals_line()
    {
        var (exit, output, error) = await AlpyCli.RunAsync("report", RepositoryPaths.CckStream("all-statuses"), "--reports", _temp.File("reports"), "--run-id", "r1");

        exit.Should().Be(1);
        error.Should().BeEmpty();
        output.Should().Contain("run r1 · FAILED").And.Contain("Scenarios 6: 1 failed, 1 ambiguous, 1 undefined, 1 pending, 1 skipped, 1 passed")
            .And.Contain("✗ Failing (samples/all-statuses/all-statuses.feature:11)")
            .And.Contain("And a failing step (samples/all-statuses/all-statuses.feature:13): whoops")
            .And.Contain($"Report    {_temp.File("reports/runs/r1/index.html")}");
        AlpyCli.LastLine(output).Should().Be("1 passed, 4 failed, 1 skipped");
    }

    [Fact]
    public async Task Given_a_passing_run_When_reported_Then_it_exits_0_and_the_line_has_no_skipped_part()
    {
        var (exit, output, _) = await AlpyCli.RunAsync("report", RepositoryPaths.CckStream("minimal"), "--reports", _temp.File("reports"));

        exit.Should().Be(0);
        AlpyCli.LastLine(output).Should().Be("1 passed, 0 failed");
    }

    [Fact]
    public async Task Given_a_missing_stream_When_reported_Then_it_exits_2_naming_the_file()
    {
        var missing = _temp.File("none.ndjson");

        var (exit, output, error) = await AlpyCli.RunAsync("report", missing, "--reports", _temp.File("reports"));

        exit.Should().Be(2);
        error.Should().StartWith($"alpy report: {missing}: does not exist.");
        output.Should().BeEmpty();
        Directory.Exists(_temp.File("reports/runs")).Should().BeFalse("nothing is written for a stream that is not there");
    }

    [Fact]
    public async Task Given_a_corrupt_stream_When_reported_Then_it_exits_2_naming_file_and_line()
    {
        var path = _temp.File("bad.ndjson");
        await File.WriteAllTextAsync(path, Json.MetaLine + "\nnot json\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await AlpyCli.RunAsync("report", path, "--reports", _temp.File("reports"));

        exit.Should().Be(2);
        error.Should().StartWith($"alpy report: {path}:2: is not valid JSON");
    }

    [Fact]
    public async Task Given_a_stream_cut_short_When_reported_Then_it_exits_3_and_says_INCOMPLETE()
    {
        var path = _temp.File("cut.ndjson");
        FakeSuite.Lab(3).Write(path, new FakeRunOptions { Finish = false });

        var (exit, output, error) = await AlpyCli.RunAsync("report", path, "--reports", _temp.File("reports"), "--run-id", "cut");

        exit.Should().Be(3);
        output.Should().Contain("run cut · INCOMPLETE").And.Contain("ends before testRunFinished");
        error.Should().Contain("the run is INCOMPLETE");
    }

    [Fact]
    public async Task Given_a_reports_folder_that_cannot_be_written_When_reported_Then_it_exits_2_with_what_to_do()
    {
        var file = _temp.File("file");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        var (exit, _, error) = await AlpyCli.RunAsync("report", RepositoryPaths.CckStream("minimal"), "--reports", Path.Combine(file, "reports"));

        exit.Should().Be(2);
        error.Should().Contain("Cannot write the report folder").And.Contain("--reports");
    }

    [Theory]
    [InlineData("--inline-limit-kib", "0")]
    [InlineData("--max-message-mib", "5000")]
    [InlineData("--run-id", "../escape")]
    public async Task Given_a_bad_option_value_When_reported_Then_it_exits_2_before_writing_anything(string option, string value)
    {
        var (exit, _, error) = await AlpyCli.RunAsync("report", RepositoryPaths.CckStream("minimal"), "--reports", _temp.File("reports"), option, value);

        exit.Should().Be(2);
        error.Should().StartWith("alpy report: ");
        Directory.Exists(_temp.File("reports")).Should().BeFalse();
    }

    [Fact]
    public async Task Given_no_stream_When_reported_Then_usage_errors_exit_2()
    {
        var (exit, _, error) = await AlpyCli.RunAsync("report");

        exit.Should().Be(2);
        error.Should().Contain("Required argument missing").And.Contain("alpy --help");
    }
}
