using Alpy.Reports.Tests.Merge;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Cli;

/// <summary>`alpy run` end to end over the runner's sample features: dotnet test, progress, report, summary.</summary>
[Trait("Category", "integration")]
[Collection(RunnerSamplesDefinition.Name)]
public sealed class RunCommandSamplesTests(RunnerSamples samples)
{
    [Fact]
    public async Task Given_the_sample_suite_When_one_shard_is_run_Then_it_is_reported_and_the_summary_ends_with_its_totals()
    {
        // Given: the samples write their stream where ALPY_SAMPLES_OUT says (set for the child process)
        var output = Path.Combine(samples.Folder, "alpy-run");
        Environment.SetEnvironmentVariable("ALPY_SAMPLES_OUT", output);
        try
        {
            // When
            var (exit, text, error) = await Alpy.RunAsync("run", "--project", RunnerSamples.Project, "--no-build", "--shard", "1/2",
                "--messages", Path.Combine(output, "messages.ndjson"), "--results", output, "--reports", Path.Combine(samples.Folder, "run-reports"), "--run-id", "samples");

            // Then
            error.Should().NotContain("alpy run: dotnet test exited");
            text.Should().Contain("alpy run: run samples, shard 1/2: dotnet test ").And.Contain("run samples · ");
            var run = await Runs.ReadAsync(Path.Combine(samples.Folder, "run-reports", "runs", "samples", "messages.ndjson"));
            Alpy.LastLine(text).Should().Be(run.Totals.ToClosingLine());
            exit.Should().Be(run.Totals.Failed > 0 ? 1 : 0);
            File.Exists(Path.Combine(output, "specs.trx")).Should().BeTrue("the run leaves its TRX for the test command's totals");
            File.ReadAllText(Path.Combine(output, "specs.log")).Should().Contain("Alpy.Runner.Samples");
        }
        finally
        {
            Environment.SetEnvironmentVariable("ALPY_SAMPLES_OUT", null);
        }
    }
}
