using Alpy.Reports.Tests.Support;
using Alpy.Tests.Cli;

namespace Alpy.Reports.Tests.Cli;

public sealed class MergeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_shard_folders_like_CI_artifacts_When_merged_Then_the_totals_line_equals_one_machines()
    {
        // Given: one machine's totals, and Reqnroll's three shards' streams downloaded into one folder per job
        var (_, alone, _) = await AlpyCli.RunAsync("report", ReqnrollStreams.Whole, "--reports", _temp.File("single-reports"));
        for (var i = 0; i < 3; i++)
        {
            ReqnrollStreams.CopyTo(ReqnrollStreams.Shards[i], _temp.File($"artifacts/messages-shard-{i + 1}"), "messages.ndjson");
        }

        // When
        var (exit, output, error) = await AlpyCli.RunAsync("merge", _temp.File("artifacts"), "--expected-shards", "3", "--reports", _temp.File("reports"), "--run-id", "merged");

        // Then
        error.Should().BeEmpty();
        exit.Should().Be(1, "the suite has failing scenarios");
        output.Should().Contain("shard 1:").And.Contain("shard 3:");
        AlpyCli.LastLine(output).Should().Be(AlpyCli.LastLine(alone)).And.Be("12 passed, 5 failed, 1 skipped");
        File.Exists(_temp.File("reports/runs/merged/report.html")).Should().BeTrue();
    }

    [Fact]
    public async Task Given_a_missing_shard_When_merged_Then_it_exits_2_instead_of_reporting_short_totals()
    {
        var suite = FakeSuite.Lab(4);
        var shards = suite.Shards(3);
        suite.Write(_temp.File("1.ndjson"), new FakeRunOptions { Runs = f => shards[0].Contains(f.Uri) });
        suite.Write(_temp.File("2.ndjson"), new FakeRunOptions { Runs = f => shards[1].Contains(f.Uri) });

        var (exit, _, error) = await AlpyCli.RunAsync("merge", _temp.File("1.ndjson"), _temp.File("2.ndjson"), "--expected-shards", "3", "--reports", _temp.File("reports"));

        exit.Should().Be(2);
        error.Should().Contain("Expected 3 shard streams but got 2");
        Directory.Exists(_temp.File("reports/runs")).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_folder_without_streams_When_merged_Then_it_exits_2_naming_the_folder()
    {
        Directory.CreateDirectory(_temp.File("empty"));

        var (exit, _, error) = await AlpyCli.RunAsync("merge", _temp.File("empty"), "--reports", _temp.File("reports"));

        exit.Should().Be(2);
        error.Should().Contain($"{_temp.File("empty")} holds no .ndjson file");
    }
}
