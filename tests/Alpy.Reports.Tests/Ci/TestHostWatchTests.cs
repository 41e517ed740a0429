using System.Diagnostics;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Ci;

/// <summary>
/// scripts/lib/test-host-watch.sh, which run-specs runs beside dotnet test: when the suite's test process dies without
/// finishing the run, the VSTest test host that waits for it (60 s, xUnit's crash detection) is stopped at once, and
/// only then. Real processes stand in for both: an executable named Alpy.Specs with this run's ALPY_RUN_ID that holds
/// the message stream open (as xUnit's test process does), started by a "test host" that waits for it.
/// </summary>
public sealed class TestHostWatchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _temp = new();
    private readonly string _runId = $"watch-test-{Guid.NewGuid():N}";

    private static string Library => Path.Combine(RepositoryPaths.Root, "scripts", "lib", "test-host-watch.sh");

    private string Messages => Path.Combine(_temp.Path, "messages.ndjson");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_a_test_process_killed_mid_run_When_the_watcher_sees_it_gone_Then_the_waiting_test_host_is_stopped_within_seconds()
    {
        await File.WriteAllTextAsync(Messages, "{\"testRunStarted\":{}}\n", TestContext.Current.CancellationToken);
        using var host = StartTestHost();
        using var watcher = StartWatcher();
        var testProcess = await TestProcessOfAsync(host);

        var killed = Stopwatch.StartNew();
        Process.GetProcessById(testProcess).Kill();
        await host.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

        killed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the run must end in seconds, not after xUnit's 60 s");
        host.ExitCode.Should().Be(143, "the watcher stops the test host with SIGTERM");
        (await watcher.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)).Should()
            .Contain($"the test process (pid {testProcess}) ended without finishing the run").And.Contain("60 s");
    }

    [Fact]
    public async Task Given_a_test_process_that_finished_the_run_When_it_exits_Then_the_test_host_is_left_alone()
    {
        await File.WriteAllTextAsync(Messages, "{\"testRunStarted\":{}}\n", TestContext.Current.CancellationToken);
        using var host = StartTestHost();
        using var watcher = StartWatcher();
        var testProcess = await TestProcessOfAsync(host);

        await File.AppendAllTextAsync(Messages, "{\"testRunFinished\":{\"success\":true}}\n", TestContext.Current.CancellationToken);
        Process.GetProcessById(testProcess).Kill();
        await watcher.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

        host.HasExited.Should().BeFalse("a test process that wrote testRunFinished ended normally; VSTest finishes by itself");
        host.Kill(entireProcessTree: true);
    }

    /// <summary>bash standing in for VSTest's test host: starts the fake test process and waits for it.</summary>
    private Process StartTestHost()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_temp.Path, "bin")).FullName;
        var fake = Path.Combine(bin, "Alpy.Specs");
        // A script's process is named after the script (comm); it holds the stream open on fd 3 as Reqnroll's formatter does.
        File.WriteAllText(fake, "#!/bin/bash\nexec 3>>\"$1\"\nwhile :; do sleep 0.2; done\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(fake, (UnixFileMode)0b111_101_101);
        // Like VSTest's test host under xUnit's crash detection, it goes on waiting after its test process died: here
        // in bash's own read (no child process to leave behind), on a stdin that stays open.
        var info = new ProcessStartInfo("bash", ["-c", "\"$1\" \"$2\" & echo $!; wait $!; read -r -t 60", "test-host", fake, Messages])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        info.Environment["ALPY_RUN_ID"] = _runId;
        return Process.Start(info)!;
    }

    private Process StartWatcher()
    {
        // The watcher's owner is the watcher's own shell here: it ends when the watch does.
        var info = new ProcessStartInfo("bash", ["-c", ". \"$1\"; watch_test_host \"$2\" $$", "watcher", Library, Messages])
        {
            RedirectStandardError = true,
        };
        info.Environment["ALPY_RUN_ID"] = _runId;
        return Process.Start(info)!;
    }

    /// <summary>The fake test process's pid, once it holds the stream open and the watcher had time to find it.</summary>
    private async Task<int> TestProcessOfAsync(Process host)
    {
        var pid = int.Parse(await host.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) ?? "", System.Globalization.CultureInfo.InvariantCulture);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Patience);
        while (!HoldsStream(pid))
            await Task.Delay(50, limit.Token);
        await Task.Delay(TimeSpan.FromSeconds(1.5), limit.Token); // the watcher polls every 0.5 s
        return pid;
    }

    private bool HoldsStream(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "Alpy.Specs"
                && Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget == Messages);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
