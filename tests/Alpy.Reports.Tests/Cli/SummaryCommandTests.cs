using Alpy.Reports.Tests.Support;
using Alpy.Tests.Cli;

namespace Alpy.Reports.Tests.Cli;

public sealed class SummaryCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_a_run_folder_When_summarised_Then_it_prints_the_run_and_its_totals_line()
    {
        await AlpyCli.RunAsync("report", RepositoryPaths.CckStream("all-statuses"), "--reports", _temp.File("reports"), "--run-id", "r");

        var (exit, output, _) = await AlpyCli.RunAsync("summary", "--run-dir", _temp.File("reports/latest"), "--max-failures", "2");

        exit.Should().Be(1);
        output.Should().Contain("run latest").And.Contain("… and 2 more: see the report.");
        AlpyCli.LastLine(output).Should().Be("1 passed, 4 failed, 1 skipped");
    }

    [Fact]
    public async Task Given_TRX_files_When_summarised_Then_the_last_line_totals_every_project()
    {
        await WriteTrxAsync("a/One.trx", ("A.Passes", "Passed"), ("A.Skips", "NotExecuted"));
        await WriteTrxAsync("b/Two.trx", ("B.Passes", "Passed"), ("B.Fails", "Failed"), ("B.TimesOut", "Timeout"));

        var (exit, output, _) = await AlpyCli.RunAsync("summary", "--trx", _temp.Path);

        exit.Should().Be(1);
        output.Should().Contain("One").And.Contain("Two").And.Contain("✗ B.Fails (Two.trx)").And.Contain("✗ B.TimesOut");
        AlpyCli.LastLine(output).Should().Be("2 passed, 2 failed, 1 skipped");
    }

    [Fact]
    public async Task Given_fewer_TRX_files_than_projects_When_summarised_Then_each_missing_one_counts_as_a_failure()
    {
        await WriteTrxAsync("One.trx", ("A.Passes", "Passed"));

        var (exit, output, _) = await AlpyCli.RunAsync("summary", "--trx", _temp.File("One.trx"), "--expect-trx", "3");

        exit.Should().Be(1);
        output.Should().Contain("2 test project(s) wrote no TRX file");
        AlpyCli.LastLine(output).Should().Be("1 passed, 2 failed");
    }

    [Fact]
    public async Task Given_a_stream_and_TRX_files_When_summarised_Then_the_closing_line_is_the_TRX_total()
    {
        await WriteTrxAsync("One.trx", ("A.Passes", "Passed"));

        var (exit, output, _) = await AlpyCli.RunAsync("summary", "--messages", RepositoryPaths.CckStream("all-statuses"), "--trx", _temp.File("One.trx"));

        exit.Should().Be(1, "the run's scenarios failed");
        output.Should().Contain("Scenarios: 1 passed, 4 failed, 1 skipped");
        AlpyCli.LastLine(output).Should().Be("1 passed, 0 failed");
    }

    [Fact]
    public async Task Given_nothing_to_summarise_When_summarised_Then_it_exits_2_naming_what_it_looked_for()
    {
        var (exit, _, error) = await AlpyCli.RunAsync("summary", "--run-dir", _temp.File("reports/latest"));

        exit.Should().Be(2);
        error.Should().Contain("reports/latest/messages.ndjson").And.Contain("does not exist");
    }

    private async Task WriteTrxAsync(string relative, params (string Name, string Outcome)[] results)
    {
        var path = _temp.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var rows = string.Concat(results.Select(r => $"<UnitTestResult testName=\"{r.Name}\" outcome=\"{r.Outcome}\" />"));
        await File.WriteAllTextAsync(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>{rows}</Results></TestRun>
            """, TestContext.Current.CancellationToken);
    }
}
