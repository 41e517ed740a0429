using System.Diagnostics;
using System.Text;

namespace Alpy.Cli.Running;

/// <summary>
/// Ends `dotnet test` promptly when the suite's test process dies mid-run, as scripts/lib/test-host-watch.sh does for
/// scripts/run-specs. xUnit v3 runs the tests in a process of their own under VSTest's test host; when that process
/// dies without finishing, xUnit's crash detection in the test host waits 60 s for messages that cannot come
/// (CrashDetectionSinkTimeout, not settable through the VSTest adapter). The test process is the one with this run's
/// ALPY_RUN_ID that holds the message stream open; when it is gone and the stream has no testRunFinished, the test host
/// that waits for it is killed, and VSTest reports the run aborted at once.
/// </summary>
internal sealed class TestHostWatch : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    // A test process that ended normally wrote testRunFinished just before it exited.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;

    private TestHostWatch(string messages, string runId, Action<string> report)
    {
        _watch = Task.Run(() => WatchAsync(messages, runId, report, _stop.Token));
    }

    /// <summary>Starts watching for the run's test process; <paramref name="report"/> hears when a test host is stopped.</summary>
    public static TestHostWatch Start(string messages, string runId, Action<string> report) =>
        new(Path.GetFullPath(messages), runId, report);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _watch.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting: the run ended by itself.
        }

        _stop.Dispose();
    }

    private static async Task WatchAsync(string messages, string runId, Action<string> report, CancellationToken cancellationToken)
    {
        (int Pid, int Parent)? test = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            if (test is null)
            {
                test = FindTestProcess(messages, runId);
                continue;
            }

            if (test.Value.Parent == 0)
                return; // found, but no test host waits for it

            if (Directory.Exists($"/proc/{test.Value.Pid}"))
                continue;
            await Task.Delay(Grace, cancellationToken).ConfigureAwait(false);
            if (Finished(messages))
                return;
            report($"the test process (pid {test.Value.Pid}) ended without finishing the run (killed?); stopping the test host " +
                   $"(pid {test.Value.Parent}) that would wait 60 s for it (xUnit's crash detection)");
            try
            {
                using var host = Process.GetProcessById(test.Value.Parent);
                host.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone already: VSTest noticed by itself.
            }

            return;
        }
    }

    /// <summary>The run's test process and the test host that waits for it; Parent 0 when none does; null until it runs.</summary>
    private static (int Pid, int Parent)? FindTestProcess(string messages, string runId)
    {
        var marker = Encoding.UTF8.GetBytes($"ALPY_RUN_ID={runId}\0");
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                if (File.ReadAllBytes(Path.Combine(proc, "environ")).AsSpan().IndexOf(marker) >= 0
                    && Directory.EnumerateFileSystemEntries(Path.Combine(proc, "fd")).Any(fd => new FileInfo(fd).LinkTarget == messages))
                {
                    // Only xUnit's out-of-process test process has a test host waiting for it; a suite run inside the
                    // test host itself is VSTest's to notice.
                    var parent = Parent(proc);
                    return File.ReadAllText($"/proc/{parent}/cmdline").Contains("testhost", StringComparison.Ordinal) ? (pid, parent) : (pid, 0);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Exited meanwhile, or another user's.
            }
        }

        return null;
    }

    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so read after the last ')'.
    private static int Parent(string proc)
    {
        var stat = File.ReadAllText(Path.Combine(proc, "stat"));
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool Finished(string messages)
    {
        try
        {
            using var stream = new FileStream(messages, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Position = Math.Max(0, stream.Length - 65_536);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd().Contains("\"testRunFinished\"", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
