using System.Diagnostics;
using Alpy.Cli.Running;

namespace Alpy.Cli.Tests.Running;

/// <summary>
/// `alpy run`'s watch over the suite's test process (<see cref="TestHostWatch"/>): when it dies without finishing the
/// run, the VSTest test host that waits for it (60 s, xUnit's crash detection) is stopped at once, and only then.
/// Real processes stand in: a "test host" (its command line names testhost, as VSTest's does) that starts a process
/// holding the message stream open with this run's ALPY_RUN_ID, and goes on waiting after it died.
/// The end-to-end timing of `alpy run` with the real suite, its test process SIGKILLed, is in docs/suite.md.
/// </summary>
public sealed class TestHostWatchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _folder = Directory.CreateTempSubdirectory("alpy-cli-watch-test-").FullName;
    private readonly string _runId = $"watch-{Guid.NewGuid():N}";

    private string Messages => Path.Combine(_folder, "messages.ndjson");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Given_a_test_process_killed_mid_run_When_the_watch_sees_it_gone_Then_the_test_host_is_stopped_within_seconds()
    {
        await File.WriteAllTextAsync(Messages, "{\"testRunStarted\":{}}\n", TestContext.Current.CancellationToken);
        using var host = StartTestHost();
        var reports = new List<string>();
        await using var watch = TestHostWatch.Start(Messages, _runId, reports.Add);
        var testProcess = await TestProcessOfAsync(host);

        var killed = Stopwatch.StartNew();
        Process.GetProcessById(testProcess).Kill();
        await host.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

        killed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the run must end in seconds, not after xUnit's 60 s");
        reports.Should().ContainSingle().Which.Should().Contain($"the test process (pid {testProcess}) ended without finishing the run");
    }

    [Fact]
    public async Task Given_a_test_process_that_finished_the_run_When_it_exits_Then_the_test_host_is_left_alone()
    {
        await File.WriteAllTextAsync(Messages, "{\"testRunStarted\":{}}\n", TestContext.Current.CancellationToken);
        using var host = StartTestHost();
        var reports = new List<string>();
        await using (TestHostWatch.Start(Messages, _runId, reports.Add))
        {
            var testProcess = await TestProcessOfAsync(host);

            await File.AppendAllTextAsync(Messages, "{\"testRunFinished\":{\"success\":true}}\n", TestContext.Current.CancellationToken);
            Process.GetProcessById(testProcess).Kill();
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        }

        host.HasExited.Should().BeFalse("a test process that wrote testRunFinished ended normally; VSTest finishes by itself");
        reports.Should().BeEmpty();
        host.Kill(entireProcessTree: true);
    }

    /// <summary>bash named testhost: starts the stand-in test process (fd 3 on the stream) and waits on after it ends.</summary>
    private Process StartTestHost()
    {
        var info = new ProcessStartInfo("bash", ["-c", "bash -c 'exec 3>>\"$1\"; while :; do sleep 0.2; done' test-process \"$1\" & echo $!; wait $!; read -r -t 60",
            "testhost", Messages])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        info.Environment["ALPY_RUN_ID"] = _runId;
        return Process.Start(info)!;
    }

    private async Task<int> TestProcessOfAsync(Process host)
    {
        var pid = int.Parse(await host.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) ?? "", System.Globalization.CultureInfo.InvariantCulture);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Patience);
        while (!Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget == Messages))
            await Task.Delay(50, limit.Token);
        await Task.Delay(TimeSpan.FromSeconds(1.5), limit.Token); // the watch polls every 0.5 s
        return pid;
    }
}
