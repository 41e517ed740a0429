using Alpy.Reports.Model;
using Alpy.Reports.Trx;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Trx;

[Trait("Category", "integration")]
public sealed class TrxReaderTests(TrxProbeFixture probe) : IClassFixture<TrxProbeFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_a_real_TRX_When_read_Then_passed_failed_and_skipped_tests_are_counted()
    {
        var result = TrxReader.Read(probe.NormalTrx);

        result.Totals.Should().Be(new OutcomeTotals(Passed: 3, Failed: 1, Skipped: 1), "the skipped test counts, though TRX's own Counters omit it");
        result.Failures.Should().Equal("ProbeTests.Fails");
        result.RunErrors.Should().BeEmpty("an ordinary test failure is not a run error");
    }

    [Fact]
    public void Given_a_TRX_of_a_crashed_test_host_When_read_Then_the_crash_counts_as_a_failure_and_is_named()
    {
        var result = TrxReader.Read(probe.CrashTrx);

        result.RunErrors.Should().Contain(e => e.Contains("crashed", StringComparison.Ordinal));
        result.Totals.Failed.Should().Be(result.Failures.Count + 1);
        result.Totals.Total.Should().BeLessThan(5 + 1, "the tests after the crash never ran");
    }

    [Fact]
    public void Given_a_folder_When_read_Then_every_TRX_in_it_is_totalled_in_a_stable_order()
    {
        var results = TrxReader.ReadAll([probe.Folder]);

        results.Select(r => Path.GetFileName(r.Path)).Should().Equal("crash.trx", "probe.trx");
    }

    [Fact]
    public async Task Given_a_truncated_TRX_When_read_Then_the_error_names_the_file_and_line()
    {
        var text = await File.ReadAllTextAsync(probe.NormalTrx, TestContext.Current.CancellationToken);
        var path = _temp.File("cut.trx");
        await File.WriteAllTextAsync(path, text[..(text.Length / 2)], TestContext.Current.CancellationToken);

        var act = () => TrxReader.Read(path);

        act.Should().Throw<ReportException>().WithMessage($"{path}:*not a TRX file*cut short*");
    }

    [Fact]
    public async Task Given_XML_that_is_not_a_TRX_When_read_Then_it_is_refused()
    {
        var path = _temp.File("junit.xml");
        await File.WriteAllTextAsync(path, "<testsuites/>", TestContext.Current.CancellationToken);

        FluentActions.Invoking(() => TrxReader.Read(path)).Should().Throw<ReportException>().WithMessage("*not a TRX file (its root is <testsuites>*");
    }

    [Fact]
    public void Given_a_folder_without_TRX_files_When_read_Then_the_error_says_how_to_make_them()
    {
        FluentActions.Invoking(() => TrxReader.ReadAll([_temp.Path])).Should().Throw<ReportException>().WithMessage("*holds no .trx file*--logger trx*");
    }
}
